/**
 * Writes a synthetic, valid registry of N accounts for benchmarks and scale tests.
 * Deterministic for a given seed; names, keys and approval numbers are unique.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SynthOptions {
  accounts: number;
  seed?: number;
}

const COLLEGES = ['计算机', '机械工程', '电气工程', '土木工程', '化学化工', '材料科学', '数学与统计', '物理', '外国语', '经济管理', '法学', '艺术设计', '体育', '马克思主义', '生命科学', '环境科学'];
const TOPICS = ['资讯', '服务', '青年', '学工', '就业', '科研', '教学', '文化', '志愿', '之声', '视界', '团学', '校友', '党建', '招生', '实践', '心语', '体育', '读书', '创新'];
const PLACES = ['东湖', '西山', '南岭', '北原', '青溪', '白鹭', '翠屏', '松涛', '枫林', '梧桐', '银杏', '桃李', '明德', '致远', '求是', '笃行', '博雅', '弘毅', '崇实', '启航', '星河', '云帆', '蓝天', '长风', '春晖', '秋实', '临江', '望湖', '听涛', '观澜', '凌云', '紫荆'];

/** A small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (n: number, len: number) => n.toString(16).padStart(len, '0').slice(-len);

/** Writes the registry under `dir` (created if needed). */
export async function writeSyntheticRegistry(dir: string, opts: SynthOptions): Promise<void> {
  const rand = prng(opts.seed ?? 1);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const policy = await readFile(path.join(here, '../../content/policy.yaml'), 'utf8');
  await mkdir(path.join(dir, 'units'), { recursive: true });
  await writeFile(path.join(dir, 'policy.yaml'), policy.replace(/^  unit: .*\n/m, ''));
  const unitCount = Math.max(2, Math.ceil(opts.accounts / 20));
  const units: Array<{ id: string; name: string; tier: number }> = [];
  for (let u = 0; u < unitCount; u++) {
    const student = u % 4 === 3;
    const id = `${student ? 'club' : 'unit'}-${u}`;
    // Distinct, realistic names (a place word and a college), as a large registry would have.
    const place = PLACES[Math.floor(u / COLLEGES.length) % PLACES.length]! + (u >= COLLEGES.length * PLACES.length ? PLACES[Math.floor(u / (COLLEGES.length * PLACES.length)) % PLACES.length]! : '');
    const name = student ? `${place}${COLLEGES[u % COLLEGES.length]}爱好者协会` : `${place}校区${COLLEGES[u % COLLEGES.length]}学院`;
    units.push({ id, name, tier: student ? 3 : 2 });
    await writeFile(
      path.join(dir, 'units', `${id}.yaml`),
      `id: ${id}\nname: ${name}\nkind: ${student ? 'club' : 'college'}\nstatus: active\nheadTitle: ${student ? '指导教师' : '党总支书记'}\nowners: ['@synth/${id}']\n`,
    );
  }
  const writes: Promise<void>[] = [];
  for (let i = 0; i < opts.accounts; i++) {
    const unit = units[i % unitCount]!;
    const k = Math.floor(i / unitCount); // the account's number within its unit (< TOPICS.length)
    const kind = k % 5;
    const platform = ['wechat-mp', 'weibo', 'bilibili', 'douyin', 'xiaohongshu'][kind]!;
    const key =
      kind === 0
        ? `{ kind: gh, value: 'gh_${hex(i * 7919 + 17, 12)}' }`
        : kind === 1
          ? `{ kind: uid, value: '${5_000_000_000 + i}' }`
          : kind === 2
            ? `{ kind: mid, value: '${100_000 + i}' }`
            : kind === 3
              ? `{ kind: sec_uid, value: 'MS4wLjABAAAA${hex(i, 8)}synth${hex(i * 31, 6)}' }`
              : `{ kind: user_id, value: '${hex(i, 12)}${hex(i * 131 + 7, 12)}' }`;
    const closed = rand() < 0.05;
    const year = 2018 + (i % 6);
    const opened = `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const body = rand() < 0.3 ? `\n${unit.name}的官方账号，发布**${TOPICS[k % TOPICS.length]}**信息。\n\n- 服务师生\n- 传播校园文化\n` : '';
    const text = `---
id: acct-${i}
name: ${unit.name}${TOPICS[k % TOPICS.length]}
platform: ${platform}
keys:
  - ${key}
link: https://example.qclg.edu.cn/accounts/${i}
unit: ${unit.id}
tier: ${unit.tier}
status: ${closed ? 'closed' : 'active'}
filing: backfill
purpose: 发布${unit.name}的${TOPICS[k % TOPICS.length]}信息，服务师生。
dates:
  applied: '2024-05-30'
  opened: '${opened}'${closed ? "\n  closed: '2024-09-01'" : ''}
approval:
  number: '2024-${String(i + 1).padStart(5, '0')}'
  date: '2024-06-03'
  pr: ${i + 1}
${closed ? 'closure:\n  reason: 账号长期不再使用，按规定停办。\n' : ''}contacts:
  head: { name: 测试负责人, mobile: '138${String(i % 100_000_000).padStart(8, '0')}' }
  admins:
    - { name: 测试管理员甲, mobile: '13900000001', email: admin1@example.edu.cn }
    - { name: 测试管理员乙, officePhone: '0000-6120001' }
---
${body}`;
    const folder = path.join(dir, 'accounts', unit.id);
    writes.push(mkdir(folder, { recursive: true }).then(() => writeFile(path.join(folder, `acct-${i}.mdx`), text)));
    if (writes.length >= 256) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
}
