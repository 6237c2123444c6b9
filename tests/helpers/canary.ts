/**
 * Private-data canaries: copy a registry and set every private field (account contacts, the
 * application reason and notes, review heads and opinions, unit owners, every field of every work
 * group) to unique, valid canary values; then scan a built site for them, decoding gzip (Pagefind
 * files), HTML entities, JSON escapes and URL encoding, and ignoring zero-width characters.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseDocument, type Document } from 'yaml';
import { listFiles } from './site-build.ts';

/** Generates canary values; every value it hands out is remembered. */
export class Canaries {
  readonly values: string[] = [];
  private n = 0;

  private next(make: (n: number) => string): string {
    this.n++;
    const v = make(this.n);
    this.values.push(v);
    return v;
  }
  /** A text canary (names, titles, free text). */
  text(kind: string): string {
    return this.next((n) => `Canary${kind}${String(n).padStart(4, '0')}Zq`);
  }
  /** A valid mobile number (11 digits). */
  mobile(): string {
    return this.next((n) => `1397731${String(n).padStart(4, '0')}`);
  }
  /** A valid office phone. */
  officePhone(): string {
    return this.next((n) => `0571-7731${String(n).padStart(4, '0')}`);
  }
  /** A valid email. */
  email(): string {
    return this.next((n) => `canary${String(n).padStart(4, '0')}zq@leak-test.example.com`);
  }
  /** A GitHub owner handle. */
  owner(): string {
    return this.next((n) => `@canary-owner-${String(n).padStart(4, '0')}zq`);
  }
}

function person(c: Canaries): Record<string, string> {
  return { name: c.text('Name'), title: c.text('Title'), officePhone: c.officePhone(), mobile: c.mobile(), email: c.email() };
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Rewrites one YAML document's private fields; `kind` is the filing kind from the path. */
function rewrite(doc: Document, kind: 'account' | 'review' | 'group' | 'unit', c: Canaries): void {
  switch (kind) {
    case 'account':
      doc.set('contacts', { head: person(c), leader: person(c), admins: [person(c), person(c)] });
      doc.set('reason', c.text('Reason'));
      doc.set('note', c.text('Note'));
      break;
    case 'review':
      doc.set('head', person(c));
      doc.set('unitOpinion', c.text('Opinion'));
      doc.setIn(['result', 'note'], c.text('ResultNote'));
      break;
    case 'group':
      doc.set('name', c.text('GroupName'));
      doc.set('scope', c.text('GroupScope'));
      doc.set('memberTypes', [c.text('GroupMembers')]);
      if (doc.get('number') !== null) doc.set('number', c.text('GroupNo'));
      doc.set('admins', [
        { name: c.text('GroupAdmin'), mobile: c.mobile() },
        { name: c.text('GroupAdmin'), mobile: c.mobile() },
      ]);
      doc.set('email', c.email());
      doc.set('head', person(c));
      doc.set('note', c.text('GroupNote'));
      break;
    case 'unit':
      doc.set('owners', [c.owner()]);
      break;
  }
}

/**
 * Copies registry `src` to `dest` with every private field replaced by a canary.
 * Returns the canaries (each unique, each valid for its field's schema).
 */
export async function writeCanaryRegistry(src: string, dest: string): Promise<string[]> {
  await cp(src, dest, { recursive: true });
  const c = new Canaries();
  for (const file of await listFiles(dest)) {
    const rel = path.relative(dest, file).split(path.sep).join('/');
    const kind = rel.startsWith('accounts/') && rel.endsWith('.mdx')
      ? 'account'
      : /^reviews\/\d{4}\/[^/]+\.yaml$/.test(rel)
        ? 'review'
        : rel.startsWith('groups/') && rel.endsWith('.yaml')
          ? 'group'
          : rel.startsWith('units/') && rel.endsWith('.yaml')
            ? 'unit'
            : undefined;
    if (!kind) continue;
    const text = await readFile(file, 'utf8');
    if (kind === 'account') {
      const m = FRONTMATTER.exec(text);
      if (!m) continue;
      const doc = parseDocument(m[1]!);
      rewrite(doc, kind, c);
      await writeFile(file, `---\n${String(doc).trimEnd()}\n---\n${text.slice(m[0].length)}`);
    } else {
      const doc = parseDocument(text);
      rewrite(doc, kind, c);
      await writeFile(file, String(doc));
    }
  }
  return c.values;
}

export interface LeakHit {
  /** File relative to the scanned folder. */
  file: string;
  canary: string;
  /** Which decoding revealed it: raw, gzip, entities, json, url. */
  via: string;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes HTML character references (named basics, decimal and hex). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, body: string) => {
    if (body[0] === '#') {
      const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return NAMED[body.toLowerCase()] ?? m;
  });
}

/** Decodes JSON/JS string escapes (\uXXXX, \/, \n …) wherever they appear. */
export function decodeJsonEscapes(s: string): string {
  return s
    .replace(/\\u([0-9a-fA-F]{4})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\([\\/"'bfnrt])/g, (_m, ch: string) => ({ b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' })[ch] ?? ch);
}

/** Decodes percent-encoding where it is well-formed. */
function decodeUrl(s: string): string {
  return s.replace(/(?:%[0-9a-fA-F]{2})+/g, (m) => {
    try {
      return decodeURIComponent(m);
    } catch {
      return m;
    }
  });
}

/** The texts a file may hide a value in: raw bytes, gunzipped bytes, and their decodings. */
export function fileTexts(bytes: Buffer): Array<{ via: string; text: string }> {
  const layers: Array<{ via: string; text: string }> = [{ via: 'raw', text: bytes.toString('utf8') }];
  // Pagefind writes its index, fragments and filters gzip-compressed (magic 1f 8b).
  if (bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      layers.push({ via: 'gzip', text: gunzipSync(bytes).toString('utf8') });
    } catch {
      // not really gzip
    }
  }
  // Pagefind joins the words of Chinese text with zero-width spaces in its fragments.
  for (const l of [...layers]) layers.push({ via: `${l.via}+nozw`, text: l.text.replace(/[\u200b-\u200d\u2060\ufeff]/g, '') });
  const out: Array<{ via: string; text: string }> = [];
  for (const l of layers) {
    const entities = decodeEntities(l.text);
    const json = decodeJsonEscapes(l.text);
    out.push(l, { via: `${l.via}+entities`, text: entities }, { via: `${l.via}+json`, text: json });
    out.push({ via: `${l.via}+json+entities`, text: decodeEntities(json) }, { via: `${l.via}+url`, text: decodeUrl(entities) });
  }
  return out;
}

/** Scans every file under `dir` for every canary (case-insensitive). */
export async function scanForCanaries(dir: string, canaries: readonly string[]): Promise<LeakHit[]> {
  const hits: LeakHit[] = [];
  const wanted = canaries.map((c) => [c, c.toLowerCase()] as const);
  for (const file of await listFiles(dir)) {
    const texts = fileTexts(await readFile(file)).map((t) => ({ via: t.via, text: t.text.toLowerCase() }));
    for (const [canary, lower] of wanted) {
      const t = texts.find((x) => x.text.includes(lower));
      if (t) hits.push({ file: path.relative(dir, file), canary, via: t.via });
    }
  }
  return hits;
}

/** Relative paths and sizes of every file under `dir` ([] when it does not exist), to prove a command wrote nothing there. */
export async function snapshotFiles(dir: string): Promise<string[]> {
  const { stat } = await import('node:fs/promises');
  if (!(await stat(dir).catch(() => undefined))) return [];
  const out: string[] = [];
  for (const file of await listFiles(dir)) out.push(`${path.relative(dir, file)} ${(await stat(file)).size} ${(await stat(file)).mtimeMs}`);
  return out.sort();
}
