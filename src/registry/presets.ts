/** Reads the shipped policy presets (presets/<id>.yaml at the repository root) for the core. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PresetTexts } from '../domain/index.ts';

/** The product's presets folder: it ships with the code, so `--content DIR` registries can extend them too. */
export const PRESETS_DIR = fileURLToPath(new URL('../../presets/', import.meta.url));

/** Preset id → YAML text of every `presets/<id>.yaml` (an empty map when the folder is missing). */
export async function loadPresets(dir: string = PRESETS_DIR): Promise<PresetTexts> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const out: Record<string, string> = {};
  for (const name of names.sort()) {
    const m = /^(\d{3})\.yaml$/.exec(name);
    if (m) out[m[1]!] = await readFile(path.join(dir, name), 'utf8');
  }
  return out;
}
