/**
 * Private contact data in public text: which projected fields are checked, which are exempt, the
 * filing path a finding points at, Markdown body lines outside link targets, and the message.
 */
import { describe, expect, test } from 'vitest';
import { contactMessage, findContactLines, findContactsInPublicFields } from '../../src/domain/privacy.ts';

const MOBILE = '13800000000';
const EMAIL = 'zhang@example.cn';
const PHONE = '0531-8888 6666';

/** The smallest account the public projection reads. */
function account(over: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: 'a1', name: '教务处', formerNames: [], platform: 'wechat', keys: [], unit: 'jwc', tier: 2, status: 'active', filing: 'filed', purpose: '发布通知', dates: {}, history: [], ...over };
}

function unit(over: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: 'jwc', name: '教务处', kind: 'department', status: 'active', ...over };
}

const sorted = <T extends { path: Array<string | number> }>(xs: T[]) => [...xs].sort((a, b) => a.path.join('.').localeCompare(b.path.join('.')));

describe('findContactsInPublicFields', () => {
  test('kinds never published are not checked', () => {
    for (const kind of ['review', 'pushlist', 'group', 'page'] as const) expect(findContactsInPublicFields(kind as never, { name: MOBILE, text: EMAIL })).toEqual([]);
  });

  test('a clean filing has no findings', () => {
    expect(findContactsInPublicFields('unit', unit())).toEqual([]);
    expect(findContactsInPublicFields('account', account())).toEqual([]);
  });

  test('a mobile, a landline or an email in a public field is found with the field path and kind', () => {
    expect(findContactsInPublicFields('unit', unit({ name: `教务处 ${MOBILE}` }))).toEqual([{ path: ['name'], kind: 'mobile' }]);
    expect(findContactsInPublicFields('unit', unit({ shortName: `电话 ${PHONE}` }))).toEqual([{ path: ['shortName'], kind: 'phone' }]);
    expect(findContactsInPublicFields('account', account({ purpose: `来信 ${EMAIL}` }))).toEqual([{ path: ['purpose'], kind: 'email' }]);
  });

  test('the kind reported is the first contact in the text', () => {
    expect(findContactsInPublicFields('unit', unit({ name: `${EMAIL} ${MOBILE}` }))).toEqual([{ path: ['name'], kind: 'email' }]);
    expect(findContactsInPublicFields('unit', unit({ name: `${MOBILE} ${EMAIL}` }))).toEqual([{ path: ['name'], kind: 'mobile' }]);
  });

  test('every public field with a contact is reported once', () => {
    const hits = findContactsInPublicFields('account', account({ purpose: MOBILE, formerNames: ['旧名', `旧 ${EMAIL}`] }));
    expect(sorted(hits)).toEqual([
      { path: ['formerNames', 1], kind: 'email' },
      { path: ['purpose'], kind: 'mobile' },
    ]);
  });

  test('private fields that the projection leaves out are not checked', () => {
    expect(findContactsInPublicFields('unit', unit({ head: { name: '张三', mobile: MOBILE }, owners: [EMAIL] }))).toEqual([]);
    expect(findContactsInPublicFields('account', account({ contacts: [{ name: '张三', mobile: MOBILE, email: EMAIL }] }))).toEqual([]);
  });

  test('keys, links and the description are exempt: they are checked by their own rules', () => {
    const keys = [{ kind: 'qq', value: MOBILE }];
    expect(findContactsInPublicFields('account', account({ keys }))).toEqual([]);
    const impostor = { id: 'i1', name: '假教务处', platform: 'wechat', keys, link: `https://example.cn/${MOBILE}`, reported: '2026-01-01', confirmed: true, description: '冒充' };
    expect(findContactsInPublicFields('impostor', impostor)).toEqual([]);
    expect(findContactsInPublicFields('impostor', { ...impostor, description: `冒充，电话 ${MOBILE}` })).toEqual([{ path: ['description'], kind: 'mobile' }]);
    expect(findContactsInPublicFields('impostor', { ...impostor, name: `假 ${MOBILE}` })).toEqual([{ path: ['name'], kind: 'mobile' }]);
  });

  test('the finding points at the filing field of the same name, else at the first field holding the text', () => {
    // Same text in a private field listed first and in the public short name: the short name.
    expect(findContactsInPublicFields('unit', unit({ shortName: MOBILE, zzz: { mobile: MOBILE } }))).toEqual([{ path: ['shortName'], kind: 'mobile' }]);
    // Projected under another name (closureReason): the filing's own field closure.reason.
    expect(findContactsInPublicFields('account', account({ status: 'closed', closure: { reason: `请联系 ${MOBILE}` } }))).toEqual([{ path: ['closure', 'reason'], kind: 'mobile' }]);
    // Inside lists the field name is the last named step of the path (text), not the first.
    const text = `咨询 ${MOBILE}`;
    const policy = {
      school: { name: '甲大学', shortNames: [] },
      office: { name: '宣传部' },
      document: { title: '办法', published: '2024-01-01' },
      tiers: [],
      annualReview: { required: true, due: '12-31' },
      specialRules: [{ article: '第九条', text }],
      zzz: { specialRules: text, note: text },
    };
    expect(findContactsInPublicFields('policy', policy)).toEqual([{ path: ['specialRules', 0, 'text'], kind: 'mobile' }]);
  });

  test('text the projection makes up itself is reported at its projected path', () => {
    expect(findContactsInPublicFields('account', account({ tier: 13800000000 }))).toEqual([{ path: ['tierName'], kind: 'mobile' }]);
  });

  test('policy: the report email is public by design, other policy text is checked', () => {
    const policy = {
      school: { name: '甲大学', shortNames: ['甲大'], protectedNames: [{ name: `甲大${MOBILE}`, match: 'contains', article: '第三条' }] },
      office: { name: '宣传部', reportEmail: EMAIL },
      document: { title: '办法', published: '2024-01-01' },
      tiers: [],
      annualReview: { required: true, due: '12-31' },
      specialRules: [{ article: '第九条', text: `咨询 ${PHONE}` }],
    };
    expect(sorted(findContactsInPublicFields('policy', policy))).toEqual([
      { path: ['school', 'protectedNames', 0, 'name'], kind: 'mobile' },
      { path: ['specialRules', 0, 'text'], kind: 'phone' },
    ]);
    expect(findContactsInPublicFields('policy', { ...policy, school: { name: '甲大学', shortNames: [] }, specialRules: [], office: { name: `宣传部 ${EMAIL}`, reportEmail: EMAIL } })).toEqual([
      { path: ['office', 'name'], kind: 'email' },
    ]);
  });
});

describe('findContactLines', () => {
  test('a clean body and an empty body have no findings', () => {
    expect(findContactLines('')).toEqual([]);
    expect(findContactLines('第一行\n第二行')).toEqual([]);
  });

  test('each line with a contact gives its 0-based line, 1-based column and kind', () => {
    expect(findContactLines(`电话\n联系 ${MOBILE}\n\n邮箱：${EMAIL} 或 ${MOBILE}`)).toEqual([
      { line: 1, column: 4, kind: 'mobile' },
      { line: 3, column: 4, kind: 'email' },
    ]);
    expect(findContactLines(MOBILE)).toEqual([{ line: 0, column: 1, kind: 'mobile' }]);
  });

  test('web link targets are blanked, keeping the columns of what follows', () => {
    expect(findContactLines(`[链接](https://example.cn/${MOBILE}) ${MOBILE}`)).toEqual([{ line: 0, column: 38, kind: 'mobile' }]);
    expect(findContactLines(`<http://example.cn/${MOBILE}>`)).toEqual([]);
    expect(findContactLines(`[HTTPS://example.cn/${MOBILE}]`)).toEqual([]);
    expect(findContactLines(`见 https://example.cn/${MOBILE}`)).toEqual([]);
    expect(findContactLines(`https://a.cn/x ${MOBILE}`)).toEqual([{ line: 0, column: 16, kind: 'mobile' }]);
    // A target ends at a closing bracket, parenthesis or angle bracket.
    expect(findContactLines(`[https://a.cn/x]${MOBILE}`)).toEqual([{ line: 0, column: 17, kind: 'mobile' }]);
    expect(findContactLines(`(https://a.cn/x)${MOBILE}`)).toEqual([{ line: 0, column: 17, kind: 'mobile' }]);
    expect(findContactLines(`<https://a.cn/x>${MOBILE}`)).toEqual([{ line: 0, column: 17, kind: 'mobile' }]);
  });

  test('mailto and tel targets are contact data themselves and are found', () => {
    expect(findContactLines(`写信 [邮箱](mailto:${EMAIL})`)).toEqual([{ line: 0, column: 16, kind: 'email' }]);
    expect(findContactLines(`拨打 tel:${MOBILE}`)).toEqual([{ line: 0, column: 8, kind: 'mobile' }]);
    expect(findContactLines(`拨打 TEL:${MOBILE}`)).toEqual([{ line: 0, column: 8, kind: 'mobile' }]);
    expect(findContactLines(`拨打 Mailto:${EMAIL}`)).toEqual([{ line: 0, column: 11, kind: 'email' }]);
  });
});

describe('contactMessage', () => {
  test('names the kind and the place, never the value', () => {
    const tail = '：这是公开内容，会发布到网站、开放数据和搜索中。个人的电话和邮箱请只填在联系人（contacts）的对应字段里，这里请删除';
    expect(contactMessage('mobile', '功能定位')).toBe(`功能定位中像是写了手机号码${tail}`);
    expect(contactMessage('phone', '简介')).toBe(`简介中像是写了电话号码${tail}`);
    expect(contactMessage('email', '')).toBe(`中像是写了电子邮箱${tail}`);
  });
});
