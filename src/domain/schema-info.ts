/** Reads field titles and formats from the zod schemas, so messages name fields as the forms do. */
import * as z from 'zod';

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType };

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function metaOf(schema: z.ZodType): { title?: string; format?: string } {
  return (z.globalRegistry.get(schema) as { title?: string; format?: string } | undefined) ?? {};
}

/** Every schema along the wrappers of `schema` (optional, nullable, default, pipe). */
function layers(schema: z.ZodType): z.ZodType[] {
  const out: z.ZodType[] = [];
  let s: z.ZodType | undefined = schema;
  while (s) {
    out.push(s);
    const d = defOf(s);
    s = d.innerType ?? (d.type === 'pipe' ? d.in : undefined);
  }
  return out;
}

/** The schema reached by following `path` from `root`, or undefined. */
export function schemaAt(root: z.ZodType, path: ReadonlyArray<PropertyKey>): z.ZodType | undefined {
  let s: z.ZodType | undefined = root;
  for (const part of path) {
    if (!s) return undefined;
    const inner = layers(s).at(-1)!;
    const d = defOf(inner);
    if (d.type === 'object' && typeof part === 'string') s = d.shape?.[part];
    else if (d.type === 'array' && typeof part === 'number') s = d.element;
    else return undefined;
  }
  return s;
}

/** Title and format of the field at `path` (the innermost title wins). */
export function fieldInfo(root: z.ZodType, path: ReadonlyArray<PropertyKey>): { title?: string; format?: string } {
  const s = schemaAt(root, path);
  if (!s) return {};
  const info: { title?: string; format?: string } = {};
  for (const layer of layers(s)) {
    const m = metaOf(layer);
    info.title ??= m.title;
    info.format ??= m.format;
  }
  return info;
}
