/**
 * GitHub's published REST description (@octokit/openapi, api.github.com) as a validator for the
 * fake GitHub: every request's path, method, parameters and body, and every response body the fake
 * sends, are checked against the operation's schemas. The 13 MB description is read once per test
 * file and only the operations a test uses are compiled (ajv, lazily), so tests stay fast.
 */
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

type Json = any;
const require = createRequire(import.meta.url);

interface Operation {
  method: string;
  template: string;
  regex: RegExp;
  names: string[];
  op: Json;
}

let spec: Json | undefined;
let ops: Operation[] | undefined;
let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function load(): { spec: Json; ops: Operation[]; ajv: Ajv } {
  if (spec && ops && ajv) return { spec, ops, ajv };
  spec = require('@octokit/openapi/generated/api.github.com.json');
  ops = [];
  for (const [template, item] of Object.entries<Json>(spec.paths)) {
    const names: string[] = [];
    const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_m, n: string) => {
      names.push(n);
      // `path` (contents) and `ref` (git refs) may contain slashes; the rest are one segment.
      return n === 'path' || n === 'ref' ? '(.+)' : '([^/]+)';
    });
    for (const method of ['get', 'post', 'put', 'patch', 'delete'])
      if (item[method]) ops.push({ method: method.toUpperCase(), template, regex: new RegExp(`^${source}$`), names, op: { ...item[method], parameters: [...(item.parameters ?? []), ...(item[method].parameters ?? [])] } });
  }
  // Literal segments win over parameters (e.g. /issues/comments/{id} over /issues/{n}/{x}).
  ops.sort((a, b) => b.template.replace(/\{[^}]+\}/g, '').length - a.template.replace(/\{[^}]+\}/g, '').length);
  ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true, discriminator: false });
  (addFormatsModule as unknown as (a: Ajv) => void)(ajv);
  ajv.addSchema({ $id: 'gh', components: { schemas: rehome(spec.components.schemas) } });
  return { spec, ops, ajv };
}

/**
 * Rewrites local `#/components/...` references to the registered `gh` document, and OpenAPI 3.0's
 * `nullable` on a schema without `type` (ajv rejects it) into `anyOf: [schema, null]`.
 */
function rehome(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(rehome);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema)) out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/') ? `gh${v}` : rehome(v);
  if (out.nullable === true && Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (out.nullable === true && out.type === undefined) {
    const { nullable: _n, ...rest } = out;
    return { anyOf: [rest, { type: 'null' }] };
  }
  return out;
}

function deref(obj: Json): Json {
  const { spec } = load();
  let cur = obj;
  while (cur && typeof cur === 'object' && typeof cur.$ref === 'string') {
    const parts = cur.$ref.replace(/^#\//, '').split('/');
    cur = parts.reduce((o: Json, p: string) => o?.[p], spec);
  }
  return cur;
}

function validator(key: string, schema: Json): ValidateFunction {
  let v = compiled.get(key);
  if (!v) {
    v = load().ajv.compile(rehome(schema));
    compiled.set(key, v);
  }
  return v;
}

export interface MatchedOperation {
  operationId: string;
  template: string;
  params: Record<string, string>;
  op: Json;
}

/** The documented operation for `method path`, or undefined (GitHub would answer 404). */
export function matchOperation(method: string, path: string): MatchedOperation | undefined {
  for (const o of load().ops) {
    if (o.method !== method) continue;
    const m = o.regex.exec(path);
    if (!m) continue;
    const params = Object.fromEntries(o.names.map((n, i) => [n, m[i + 1]!]));
    return { operationId: o.op.operationId, template: o.template, params, op: o.op };
  }
  return undefined;
}

function coerce(value: string, schema: Json): unknown {
  const t = schema?.type;
  if (t === 'integer' || t === 'number') return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (t === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  if (t === 'array') return value.split(',');
  return value;
}

const fmt = (v: ValidateFunction) => (v.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`).join('; ');

/**
 * Problems of a request against the description (empty: valid): unknown operation, a path or
 * query parameter of the wrong type or missing, a body that does not match the request schema.
 */
export function checkRequest(method: string, path: string, query: URLSearchParams, body: unknown): { match?: MatchedOperation; problems: string[] } {
  const match = matchOperation(method, path);
  if (!match) return { problems: [`${method} ${path}: no such operation in GitHub's REST description`] };
  const problems: string[] = [];
  for (const raw of match.op.parameters as Json[]) {
    const p = deref(raw);
    if (p.in !== 'path' && p.in !== 'query') continue;
    const value = p.in === 'path' ? decodeURIComponent(match.params[p.name] ?? '') : query.get(p.name);
    if (value === null || value === undefined || value === '') {
      if (p.required) problems.push(`${match.operationId}: missing ${p.in} parameter ${p.name}`);
      continue;
    }
    const v = validator(`${match.operationId}#param:${p.name}`, p.schema ?? {});
    if (!v(coerce(value, p.schema))) problems.push(`${match.operationId}: ${p.in} parameter ${p.name}=${value}: ${fmt(v)}`);
  }
  const rb = deref(match.op.requestBody);
  const schema = rb?.content?.['application/json']?.schema;
  if (schema) {
    if (body === undefined) {
      if (rb.required) problems.push(`${match.operationId}: request body required`);
    } else {
      const v = validator(`${match.operationId}#body`, schema);
      if (!v(body)) problems.push(`${match.operationId}: request body: ${fmt(v)}`);
    }
  } else if (body !== undefined && method !== 'GET' && method !== 'DELETE' && Object.keys(body as object).length) {
    problems.push(`${match.operationId}: takes no request body`);
  }
  return { match, problems };
}

/** Problems of a response body against the operation's documented response for `status`. */
export function checkResponse(match: MatchedOperation, status: number, body: unknown): string[] {
  const res = deref(match.op.responses?.[String(status)]);
  if (!res) return status >= 400 ? [] : [`${match.operationId}: status ${status} is not a documented response`];
  const schema = res.content?.['application/json']?.schema;
  if (!schema) return [];
  const v = validator(`${match.operationId}#res:${status}`, schema);
  return v(body) ? [] : [`${match.operationId}: response ${status}: ${fmt(v)}`];
}

/** The description's example object `name` (components/examples), deep-copied. */
export function example(name: string): Json {
  const ex = load().spec.components.examples[name];
  if (!ex) throw new Error(`no example ${name}`);
  return structuredClone(ex.value);
}
