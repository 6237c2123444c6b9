/**
 * Prints the effective rulebook (the preset plus the school's overrides) in Chinese: each knob, its
 * value, the article and phrase the preset cites, and where the school differs from the preset; with
 * --explain, all five presets on their own.
 * Run: npm run policy -- [--content DIR] [--explain]
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PRESET_IDS, explainPolicy, parseFile, renderExplanation, resolvePolicyValue } from '../src/domain/index.ts';
import { parseStrictYaml } from '../src/domain/yaml.ts';
import { loadPresets } from '../src/registry/presets.ts';
import { EXIT, UsageError, parseCli, resolveContentDir, run } from './lib/cli.ts';

const USAGE = `用法：npm run policy -- [--content 文件夹] [--explain]
  --content   登记数据文件夹（默认 content），读取其中的 policy.yaml
  --explain   不读本校配置，逐条列出五个预设（presets/000–004）的全部参数及其条款
退出码：0 正常；1 管理办法配置文件有错误；2 用法或读写错误`;

async function main(): Promise<number> {
  const { values } = parseCli(process.argv.slice(2), { content: { type: 'string' }, explain: { type: 'boolean' } }, USAGE);
  const presets = await loadPresets();
  if (values.explain) {
    for (const id of PRESET_IDS) {
      const text = presets[id];
      if (text === undefined) throw new UsageError(`找不到预设 presets/${id}.yaml`);
      const value = parseStrictYaml(text).value;
      const first = text.split('\n')[0]!.replace(/^#\s*/, '');
      process.stdout.write(renderExplanation(`===== ${first} =====`, explainPolicy(value, text)) + '\n');
    }
    return EXIT.ok;
  }
  const root = await resolveContentDir(values.content);
  const file = path.join(root, 'policy.yaml');
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UsageError(`找不到管理办法配置文件 ${file}`);
  });
  const parsed = parseFile('policy.yaml', text, { presets });
  const errors = parsed.findings.filter((f) => f.severity === 'error');
  for (const f of errors) console.error(`policy.yaml 第 ${f.line} 行 ${f.field}：${f.message}`);
  const own = parseStrictYaml(text).value;
  const resolved = resolvePolicyValue(own, presets);
  if (!resolved.ok) return EXIT.findings;
  const presetText = resolved.preset ? presets[resolved.preset] : undefined;
  const title = resolved.preset
    ? `本校管理办法参数（继承预设 ${resolved.preset}；标 ※ 处为本校与预设不同）`
    : '本校管理办法参数（未继承预设）';
  // The validated policy (defaults applied) when it is valid, else the merged text as written.
  const effective = parsed.parsed?.kind === 'policy' ? parsed.parsed.filing.data : resolved.value;
  process.stdout.write(renderExplanation(title, explainPolicy(effective, presetText)));
  return errors.length > 0 ? EXIT.findings : EXIT.ok;
}

run(main);
