// Targeted tests of src/domain/verify/normalize.ts for mutation testing (tests/mutation/): every
// branch of the normaliser with exact results, on the real link and share-text forms of the
// platform files (src/domain/platforms/*.ts).
import { describe, expect, test } from 'vitest';
import { findPlatform } from '../../src/domain/platforms.ts';
import {
  baseHost,
  canonicalKey,
  canonicalUrl,
  cleanText,
  extractUrl,
  normalizeInput,
  readShareText,
  unresolvableAdvice,
  type KeyCandidate,
  type NormalizedInput,
} from '../../src/domain/verify/normalize.ts';

const ZW = '\u200b';
const UID = '1234567890';
const SEC = 'MS4wLjABAAAAv7iSuuXDJGDvJkmH_vz1qkDZYo1apxgzaxdBSeIuPiM';
const DEFAULT_ADVICE = '该链接无法离线解析。请打开账号主页，复制主页链接或账号ID后再核验。';

/** Every key of a result, the `link:url:` alias included. */
const keysOf = (n: { keys: KeyCandidate[] }) => n.keys.map((k) => k.key);
/** The keys of a result without the `link:url:` alias. */
const platformKeys = (n: { keys: KeyCandidate[] }) => n.keys.filter((k) => k.platform !== 'link').map((k) => k.key);
const adviceOf = (platform: string) => findPlatform(platform)!.advice!;
const empty = (text: string): NormalizedInput => ({ text, kind: 'empty', url: null, platform: null, keys: [], unresolvable: null, name: null, share: null, refused: null });

describe('cleanText()', () => {
  test('turns line breaks and tabs into spaces and drops zero-width characters', () => {
    expect(cleanText('a\nb')).toBe('a b');
    expect(cleanText('a\tb')).toBe('a b');
    expect(cleanText('a\rb')).toBe('a b');
    expect(cleanText(`a${ZW}b\u200d\ufeffc`)).toBe('abc');
    expect(cleanText('a\u0007b')).toBe('ab');
  });

  test('folds full-width characters to ASCII', () => {
    expect(cleanText('ｗｅｉｂｏ．ｃｏｍ／ｕ／１２３')).toBe('weibo.com/u/123');
  });
});

describe('baseHost()', () => {
  test('lower-cases and removes one www. or m. prefix and a trailing dot', () => {
    expect(baseHost('WWW.Example.COM.')).toBe('example.com');
    expect(baseHost('m.weibo.cn')).toBe('weibo.cn');
    expect(baseHost('www.m.weibo.cn')).toBe('m.weibo.cn');
  });

  test('keeps hosts that only contain www or m elsewhere', () => {
    expect(baseHost('mm.weibo.cn')).toBe('mm.weibo.cn');
    expect(baseHost('awww.example.com')).toBe('awww.example.com');
    expect(baseHost('news.example.com')).toBe('news.example.com');
  });
});

describe('extractUrl()', () => {
  test('returns null when there is no link', () => {
    expect(extractUrl('青川理工学院')).toBeNull();
    expect(extractUrl('')).toBeNull();
  });

  test('keeps an http link with its scheme, in any case', () => {
    expect(extractUrl('http://t.cn/A6abcDEF')).toBe('http://t.cn/A6abcDEF');
    expect(extractUrl('见 HTTPS://WEIBO.COM/u/1 吧')).toBe('HTTPS://WEIBO.COM/u/1');
    expect(extractUrl('打开 weixin://dl/business/?appid=wx0123456789abcdef 即可')).toBe('weixin://dl/business/?appid=wx0123456789abcdef');
  });

  test('takes the link with its scheme, not the host after it', () => {
    expect(extractUrl('see https://weibo.com/u/1 now')).toBe('https://weibo.com/u/1');
    expect(extractUrl('https://weibo.com/u/1 and https://b23.tv/x')).toBe('https://weibo.com/u/1');
  });

  test('removes zero-width characters inside the link', () => {
    expect(extractUrl(`https://weibo.com/u/12${ZW}34`)).toBe('https://weibo.com/u/1234');
  });

  test('folds every full-width URL character', () => {
    expect(extractUrl('ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｏｒｇ／ＡＢＣＸＹＺ０１９')).toBe('https://example.org/ABCXYZ019');
    expect(extractUrl('https://example.org/a？b＝1＆c＿d－e％41＃f～g＋h＠i')).toBe('https://example.org/a?b=1&c_d-e%41#f~g+h@i');
    expect(extractUrl('https://example.org/az')).toBe('https://example.org/az');
    expect(extractUrl('https://example.org/ａｚ')).toBe('https://example.org/az');
  });

  test('ends at each ASCII character that cannot be in a link', () => {
    for (const ch of ['<', '>', '"', '`', '{', '}', '|', '\\', '^', ' '])
      expect(extractUrl(`https://weibo.com/u/123${ch}x`), ch).toBe('https://weibo.com/u/123');
  });

  test('ends at punctuation of each CJK and full-width block, even inside a query', () => {
    for (const ch of ['\u2026', '\u201c', '\u3001', '\u3002', '\u3010', '\u303f', '\ufe10', '\ufe50', '\ufe6f', '\uff00', '\uff0c', '\uff01', '\uffef'])
      expect(extractUrl(`https://tieba.baidu.com/f?kw=ab${ch}cd`), ch.codePointAt(0)!.toString(16)).toBe('https://tieba.baidu.com/f?kw=ab');
  });

  test('keeps letters just outside the punctuation blocks inside a query', () => {
    for (const ch of ['\u1fff', '\u20ac', '\u2fff', '\u3040', '青'])
      expect(extractUrl(`https://tieba.baidu.com/f?kw=ab${ch}cd`), ch.codePointAt(0)!.toString(16)).toBe(`https://tieba.baidu.com/f?kw=ab${ch}cd`);
  });

  test('ends the path at a CJK letter but keeps CJK letters in the query', () => {
    expect(extractUrl('https://weibo.com/u/1复制链接')).toBe('https://weibo.com/u/1');
    expect(extractUrl('https://tieba.baidu.com/f?kw=青川理工 好')).toBe('https://tieba.baidu.com/f?kw=青川理工');
  });

  test('drops each trailing ASCII punctuation mark, several at once', () => {
    for (const ch of ['.', ',', ';', ':', '!', '?', ')', ']', "'", '*']) expect(extractUrl(`https://weibo.com/u/123${ch}`), ch).toBe('https://weibo.com/u/123');
    expect(extractUrl('(https://weibo.com/u/123).')).toBe('https://weibo.com/u/123');
    expect(extractUrl("https://weibo.com/u/123'.")).toBe('https://weibo.com/u/123');
  });

  test('keeps a weibo nickname link whole up to the next space or slash', () => {
    expect(extractUrl('https://weibo.com/n/青川理工 更多')).toBe('https://weibo.com/n/青川理工');
    expect(extractUrl('weibo.com/n/青川理工')).toBe('weibo.com/n/青川理工');
    expect(extractUrl('https://www.weibo.com/n/青川理工')).toBe('https://www.weibo.com/n/青川理工');
    expect(extractUrl('https://m.weibo.cn/n/青川理工')).toBe('https://m.weibo.cn/n/青川理工');
    expect(extractUrl('HTTPS://WEIBO.COM/n/青川理工')).toBe('HTTPS://WEIBO.COM/n/青川理工');
    expect(extractUrl('https://weibo.com/n/青川/关注')).toBe('https://weibo.com/n/青川/');
  });

  test('does not read a nickname path on another host', () => {
    expect(extractUrl('https://evil.example/weibo.com/n/青川')).toBe('https://evil.example/weibo.com/n/');
    expect(extractUrl('https://fakeweibo.com/n/青川')).toBe('https://fakeweibo.com/n/');
    expect(extractUrl('https://weibo.com/x/n/青川')).toBe('https://weibo.com/x/n/');
  });

  test('finds a scheme-less link to a known platform host inside text', () => {
    expect(extractUrl('weibo.com/u/1234567890')).toBe('weibo.com/u/1234567890');
    expect(extractUrl('see weibo.com/u/1 now')).toBe('weibo.com/u/1');
    expect(extractUrl('主页：weibo.com/u/1')).toBe('weibo.com/u/1');
    expect(extractUrl('see weibo.com:8080/u/1')).toBe('weibo.com:8080/u/1');
    expect(extractUrl('主页 weibo.com')).toBe('weibo.com');
    expect(extractUrl('主页：weibo.com，欢迎')).toBe('weibo.com');
    expect(extractUrl('链接 b23.tv/AbC 和 weibo.com/u/1')).toBe('b23.tv/AbC');
  });

  test('does not read an e-mail address as a link', () => {
    expect(extractUrl('联系 qclg@qq.com')).toBeNull();
    expect(extractUrl('qclg_x@qq.com')).toBeNull();
  });

  test('reads an unknown host only when the whole input is that link with a path or query', () => {
    expect(extractUrl('example.org/page')).toBe('example.org/page');
    expect(extractUrl('example.org?x=1')).toBe('example.org?x=1');
    expect(extractUrl('  example.org/page')).toBe('example.org/page');
    expect(extractUrl('a5.com/page')).toBe('a5.com/page');
    expect(extractUrl('example.org:8080/page')).toBe('example.org:8080/page');
    expect(extractUrl('example.org')).toBeNull();
    expect(extractUrl('see example.org/page')).toBeNull();
    expect(extractUrl('5ka.com/page')).toBeNull();
  });
});

describe('canonicalUrl()', () => {
  test('uses https, drops www., a trailing dot, trailing slashes and the fragment', () => {
    expect(canonicalUrl('http://www.example.org./a//#top')).toBe('https://example.org/a');
    expect(canonicalUrl('https://example.org/')).toBe('https://example.org');
    expect(canonicalUrl('HTTP://EXAMPLE.ORG/A')).toBe('https://example.org/A');
    expect(canonicalUrl('example.org/a')).toBe('https://example.org/a');
  });

  test('keeps www and dots that are not a prefix or a trailing dot', () => {
    expect(canonicalUrl('https://awww.example.org/a')).toBe('https://awww.example.org/a');
    expect(canonicalUrl('https://news.www.example.org/a.b/')).toBe('https://news.www.example.org/a.b');
  });

  test('refuses other schemes and unparsable input', () => {
    expect(canonicalUrl('ftp://example.org/a')).toBeNull();
    expect(canonicalUrl('git+ssh://example.org/a')).toBeNull();
    expect(canonicalUrl('x-y://example.org/a')).toBeNull();
    expect(canonicalUrl('a.b://example.org/a')).toBeNull();
    expect(canonicalUrl('a1://example.org/a')).toBeNull();
    expect(canonicalUrl('https://exa mple.org/')).toBeNull();
    expect(canonicalUrl('http://')).toBeNull();
  });

  test('reads a link whose query holds another link as a scheme-less link', () => {
    expect(canonicalUrl('example.org/a?next=https://b.org')).toBe('https://example.org/a?next=https%3A%2F%2Fb.org');
  });

  test('keeps only identifying parameters on a platform host', () => {
    expect(canonicalUrl('https://weibo.com/u/1?foo=1&uid=2&from=x')).toBe('https://weibo.com/u/1?uid=2');
  });

  test('keeps every parameter except tracking ones on another host, sorted and encoded once each', () => {
    expect(canonicalUrl('https://example.org/p?b=1&a=2&a=3&q=a b')).toBe('https://example.org/p?a=2&b=1&q=a%20b');
    expect(
      canonicalUrl(
        'https://example.org/p?utm_source=a&spm_id_from=b&from_x=c&share_token=d&ref_src=e&xsec_token=f&UTM_MEDIUM=h&scene=1&fr=2&frame=1&xfr=2&keep=3&id=4&spm=5&from=6',
      ),
    ).toBe('https://example.org/p?frame=1&id=4&keep=3&xfr=2');
  });
});

describe('canonicalKey()', () => {
  test('folds, trims and removes invisible characters', () => {
    expect(canonicalKey('weibo', 'uid', ` １２３４５${ZW} `)).toBe('12345');
  });

  test('canonicalises short links, page URLs and link keys', () => {
    expect(canonicalKey('weibo', 'short', 'http://www.t.cn/AbC/')).toBe('https://t.cn/AbC');
    expect(canonicalKey('app', 'url', 'HTTP://WWW.Example.org/a/')).toBe('https://example.org/a');
    expect(canonicalKey('link', 'anything', 'http://www.example.org/a/')).toBe('https://example.org/a');
    expect(canonicalKey('other', 'url', 'a b')).toBe('a b');
  });

  test('removes www. from a website domain only', () => {
    expect(canonicalKey('website', 'domain', 'WWW.Qclg.edu.cn')).toBe('qclg.edu.cn');
    expect(canonicalKey('website', 'domain', 'awww.qclg.cn')).toBe('awww.qclg.cn');
    expect(canonicalKey('app', 'package', 'www.qclg.app')).toBe('www.qclg.app');
    expect(canonicalKey('weibo', 'domain', 'www.abc')).toBe('www.abc');
  });

  test('pads a __biz to a multiple of four characters', () => {
    expect(canonicalKey('wechat-mp', 'biz', 'MzA3MDM3NjE5NQ')).toBe('MzA3MDM3NjE5NQ==');
    expect(canonicalKey('wechat-mp', 'biz', 'MzA3MDM3NjE5NQ====')).toBe('MzA3MDM3NjE5NQ==');
    expect(canonicalKey('wechat-mp', 'biz', 'MTIzNDU2Nzg')).toBe('MTIzNDU2Nzg=');
    expect(canonicalKey('wechat-mp', 'biz', 'MTIzNDU2Nzg5M')).toBe('MTIzNDU2Nzg5M===');
    expect(canonicalKey('wechat-mp', 'biz', 'MTIzNDU2')).toBe('MTIzNDU2');
    expect(canonicalKey('wechat-mp', 'biz', 'AB=CD')).toBe('AB=CD===');
  });

  test('lower-cases only the kinds that ignore case', () => {
    expect(canonicalKey('weibo', 'domain', 'QCLG')).toBe('qclg');
    expect(canonicalKey('kuaishou', 'principal_id', '3xABC')).toBe('3xABC');
    expect(canonicalKey('weibo', 'nope', 'ABC')).toBe('ABC');
    expect(canonicalKey('nope', 'x', 'ABC')).toBe('ABC');
  });
});

describe('unresolvableAdvice()', () => {
  test("gives the platform's advice, or a general one", () => {
    expect(unresolvableAdvice('weibo')).toBe(adviceOf('weibo'));
    expect(unresolvableAdvice('other')).toBe(DEFAULT_ADVICE);
    expect(unresolvableAdvice('nope')).toBe(DEFAULT_ADVICE);
  });
});

describe('normalizeInput(): empty input, mini-program cards, weixin:// links', () => {
  test('answers empty for blank and invisible-only input', () => {
    expect(normalizeInput('')).toEqual(empty(''));
    expect(normalizeInput(` \n${ZW}\t `)).toEqual(empty(''));
  });

  test('reads a #小程序:// card as an unresolvable mini-program link carrying its name', () => {
    expect(normalizeInput('#小程序://青川理工教务/AbCdEf 点击打开')).toEqual({
      ...empty('#小程序://青川理工教务/AbCdEf 点击打开'),
      kind: 'link',
      url: '#小程序://青川理工教务/AbCdEf',
      platform: 'wechat-mini',
      unresolvable: { platform: 'wechat-mini', advice: adviceOf('wechat-mini') },
      name: '青川理工教务',
    });
    expect(normalizeInput('#小程序://青川理工教务').url).toBe('#小程序://青川理工教务');
  });

  test('reads the AppID of a weixin:// link in any case, with no other key', () => {
    const n = normalizeInput('WEIXIN://dl/business/?appid=wx0123456789ABCDEF&path=pages/index');
    expect(n).toEqual({
      ...empty('WEIXIN://dl/business/?appid=wx0123456789ABCDEF&path=pages/index'),
      kind: 'link',
      url: 'WEIXIN://dl/business/?appid=wx0123456789ABCDEF&path=pages/index',
      platform: 'wechat-mini',
      keys: [{ platform: 'wechat-mini', kind: 'appid', value: 'wx0123456789abcdef', key: 'wechat-mini:appid:wx0123456789abcdef', label: '微信小程序 AppID' }],
    });
  });

  test('names a weixin:// link without a valid AppID as unresolvable', () => {
    for (const input of ['weixin://dl/business/?appid=abc', 'weixin://dl/business/?t=AbCdEf123', 'weixin://dl/business/']) {
      const n = normalizeInput(input);
      expect(n.keys, input).toEqual([]);
      expect(n.platform).toBe('wechat-mini');
      expect(n.unresolvable).toEqual({ platform: 'wechat-mini', advice: adviceOf('wechat-mini') });
    }
  });
});

describe('normalizeInput(): links refused for userinfo', () => {
  const reason = (host: string) => `链接中含有“@”，实际打开的是 ${host}，“@”前面的平台名只是伪装。请勿相信，也不要扫码。`;

  test.each([
    ['a user name before the host', 'https://weibo.com@evil.example/u/1'],
    ['a password before the host', 'https://:pw@evil.example/u/1'],
    ['an empty user name', 'https://@evil.example/u/1'],
    ['an empty user name, upper-case scheme', 'HTTPS://@evil.example/u/1'],
    ['an empty user name and password', 'https://:@evil.example/u/1'],
    ['a scheme-less link with a user name', 'weibo.com@evil.example/u/1'],
    ['a link in share text', '我们的微博 https://weibo.com:443@evil.example/u/1 关注'],
  ])('refuses %s, with the host it really opens', (_l, input) => {
    const n = normalizeInput(input);
    expect(n.refused).toEqual({ host: 'evil.example', reason: reason('evil.example') });
    expect(n.kind).toBe('link');
    expect(n.keys).toEqual([]);
    expect(n.platform).toBeNull();
    expect(n.url).toBe(extractUrl(input));
  });

  test('does not refuse a link with @ only in its path or query', () => {
    expect(normalizeInput('https://weibo.com/u/1234567890?x=a@b').refused).toBeNull();
    expect(normalizeInput('weibo.com/u/1234567890/@x').refused).toBeNull();
  });
});

describe('normalizeInput(): links of the platform files', () => {
  test('gives full candidates with Chinese labels, the exact-alias link last', () => {
    expect(normalizeInput(`https://weibo.com/u/${UID}`).keys).toEqual([
      { platform: 'weibo', kind: 'uid', value: UID, key: `weibo:uid:${UID}`, label: '微博UID' },
      { platform: 'link', kind: 'url', value: `https://weibo.com/u/${UID}`, key: `link:url:https://weibo.com/u/${UID}`, label: '登记的链接' },
    ]);
    expect(normalizeInput('https://weibo.com/QCLG1958').keys[0]).toEqual({ platform: 'weibo', kind: 'domain', value: 'qclg1958', key: 'weibo:domain:qclg1958', label: '微博 个性域名' });
    expect(normalizeInput('https://open.weixin.qq.com/qr/code?username=qclg1958').keys[0]!.label).toBe('微信号');
    expect(normalizeInput('https://user.qzone.qq.com/12345678').keys[0]!.label).toBe('QQ号');
    expect(normalizeInput('https://space.bilibili.com/2').keys[0]!.label).toBe('哔哩哔哩（B站） UID（mid）');
  });

  test('reads a link in share text and returns the whole result', () => {
    expect(normalizeInput(`分享青川理工团委的微博 https://weibo.com/u/${UID}?from=x`)).toEqual({
      text: `分享青川理工团委的微博 https://weibo.com/u/${UID}?from=x`,
      kind: 'link',
      url: `https://weibo.com/u/${UID}?from=x`,
      platform: 'weibo',
      keys: [
        { platform: 'weibo', kind: 'uid', value: UID, key: `weibo:uid:${UID}`, label: '微博UID' },
        { platform: 'link', kind: 'url', value: `https://weibo.com/u/${UID}`, key: `link:url:https://weibo.com/u/${UID}`, label: '登记的链接' },
      ],
      unresolvable: null,
      name: '青川理工团委',
      share: { platform: 'weibo', names: ['青川理工团委'], keys: [] },
      refused: null,
    });
  });

  test('reads a link with a trailing dot on its host', () => {
    expect(platformKeys(normalizeInput(`https://weibo.com./u/${UID}`))).toEqual([`weibo:uid:${UID}`]);
    expect(platformKeys(normalizeInput('https://m.chenzhongtech.com./fw/user/3xabcdef'))).toEqual(['kuaishou:principal_id:3xabcdef']);
  });

  test('gives a short link its short key and the alias, with the platform advice', () => {
    const n = normalizeInput('http://t.cn/A6abcDEF');
    expect(keysOf(n)).toEqual(['weibo:short:https://t.cn/A6abcDEF', 'link:url:https://t.cn/A6abcDEF']);
    expect(n.unresolvable).toEqual({ platform: 'weibo', advice: adviceOf('weibo') });
    expect(n.platform).toBe('weibo');
  });

  test("gives an unresolvable form its rule's own advice", () => {
    const n = normalizeInput('https://weibo.com/status/4912345678901234');
    expect(n.unresolvable).toEqual({ platform: 'weibo', advice: '微博正文链接不包含作者信息。请点作者头像进入主页 → “复制链接”，或输入微博 UID。' });
    expect(keysOf(n)).toEqual(['weibo:short:https://weibo.com/status/4912345678901234', 'link:url:https://weibo.com/status/4912345678901234']);
  });

  test('gives an unresolvable link of a platform without short keys only the alias', () => {
    const n = normalizeInput('https://weixin.qq.com/g/AbCdEf');
    expect(keysOf(n)).toEqual(['link:url:https://weixin.qq.com/g/AbCdEf']);
    expect(n.unresolvable?.platform).toBe('wechat-group');
    expect(n.platform).toBe('wechat-group');
  });

  test('gives douyin.com/user/self no key at all', () => {
    const n = normalizeInput('https://www.douyin.com/user/self?showTab=post');
    expect(n.keys).toEqual([]);
    expect(n.unresolvable?.platform).toBe('douyin');
    expect(n.unresolvable?.advice).toContain('user/self');
  });

  test('reads a nickname link, percent-encoded or not decodable', () => {
    const n = normalizeInput('https://weibo.com/n/%E9%9D%92%E5%B7%9D');
    expect(n.name).toBe('青川');
    expect(keysOf(n)).toEqual(['link:url:https://weibo.com/n/%E9%9D%92%E5%B7%9D']);
    expect(n.unresolvable).toBeNull();
    expect(normalizeInput('https://weibo.com/n/abc%E9').name).toBe('abc%E9');
  });

  test('reads a query rule, skipping empty parameters', () => {
    expect(keysOf(normalizeInput('https://play.google.com/store/apps/details?id=cn.edu.qclg.app'))).toEqual([
      'app:package:cn.edu.qclg.app',
      'app:url:https://play.google.com/store/apps/details?id=cn.edu.qclg.app',
      'link:url:https://play.google.com/store/apps/details?id=cn.edu.qclg.app',
    ]);
    expect(keysOf(normalizeInput('https://play.google.com/store/apps/details?id='))).toEqual([
      'app:url:https://play.google.com/store/apps/details?id=',
      'link:url:https://play.google.com/store/apps/details?id=',
    ]);
    expect(keysOf(normalizeInput('https://qm.qq.com/cgi-bin/qm/qr?group_code=&k=AbC'))).toEqual([
      'qq-group:short:https://qm.qq.com/cgi-bin/qm/qr?group_code=&k=AbC',
      'link:url:https://qm.qq.com/cgi-bin/qm/qr?group_code=&k=AbC',
    ]);
  });

  test('reads identifying parameters of a #/route?x=y fragment', () => {
    expect(platformKeys(normalizeInput('https://h5.qzone.qq.com/app#/profile?hostuin=12345678'))).toEqual(['qzone:uin:12345678']);
    expect(platformKeys(normalizeInput('https://h5.qzone.qq.com/app?hostuin=12345678#/x'))).toEqual(['qzone:uin:12345678']);
  });

  test('takes the most specific host owner first (qm.qq.com is QQ群, not QQ号)', () => {
    const n = normalizeInput('https://qm.qq.com/q/AbCdEfGh');
    expect(n.platform).toBe('qq-group');
    expect(keysOf(n)).toEqual(['qq-group:short:https://qm.qq.com/q/AbCdEfGh', 'link:url:https://qm.qq.com/q/AbCdEfGh']);
    expect(normalizeInput('https://channels.weixin.qq.com/x').platform).toBe('wechat-channels');
    expect(normalizeInput('https://work.weixin.qq.com/gm/abc').platform).toBe('wecom-group');
  });

  test('reads any sub-domain of a *. rule host, www. included', () => {
    for (const host of ['h5.qzone.qq.com', 'www.h5.qzone.qq.com', 'm.h5.qzone.qq.com'])
      expect(platformKeys(normalizeInput(`https://${host}/x?hostuin=12345678`)), host).toEqual(['qzone:uin:12345678']);
    expect(normalizeInput('https://h5.dingtalk.com/invite/x').unresolvable?.platform).toBe('dingtalk-group');
    expect(platformKeys(normalizeInput('https://www.v.m.chenzhongtech.com/fw/user/3xabcdef'))).toEqual(['kuaishou:principal_id:3xabcdef']);
  });

  test('matches a rule host written with its m. or www. prefix', () => {
    expect(platformKeys(normalizeInput('https://m.yangshipin.cn/x?cpid=abcd1234'))).toEqual(['yangshipin:cpid:abcd1234']);
    expect(platformKeys(normalizeInput('https://w.yangshipin.cn/x?cpid=abcd1234'))).toEqual(['yangshipin:cpid:abcd1234']);
    expect(normalizeInput('https://mobile.yiban.cn/x').unresolvable?.platform).toBe('yiban');
  });

  test('falls back to the owner platform with only the alias for an unknown page of a known host', () => {
    const n = normalizeInput('https://weibo.com/hot/weibo');
    expect(n.platform).toBe('weibo');
    expect(keysOf(n)).toEqual(['link:url:https://weibo.com/hot/weibo']);
    expect(n.unresolvable).toBeNull();
    expect(keysOf(normalizeInput('https://apps.apple.com/cn/developer/qclg/id987654'))).toEqual([
      'app:url:https://apps.apple.com/cn/developer/qclg/id987654',
      'link:url:https://apps.apple.com/cn/developer/qclg/id987654',
    ]);
  });

  test('skips a rule whose captured values do not fit, trying the next rules', () => {
    const n = normalizeInput('https://www.xiaohongshu.com/user/profile/xyz');
    expect(keysOf(n)).toEqual(['link:url:https://xiaohongshu.com/user/profile/xyz']);
    expect(n.platform).toBe('xiaohongshu');
  });
});

describe('normalizeInput(): pages of other hosts (网站)', () => {
  test('gives a page its website domain and the exact aliases of an APP or other page', () => {
    const n = normalizeInput('https://www.qclg.edu.cn/a?utm_source=x');
    expect(n.platform).toBe('website');
    expect(keysOf(n)).toEqual([
      'website:domain:qclg.edu.cn',
      'app:url:https://qclg.edu.cn/a',
      'other:url:https://qclg.edu.cn/a',
      'other:short:https://qclg.edu.cn/a',
      'link:url:https://qclg.edu.cn/a',
    ]);
    expect(n.keys[0]!.label).toBe('网站 域名');
    expect(n.unresolvable).toBeNull();
  });

  test('keeps www inside a host name', () => {
    expect(platformKeys(normalizeInput('https://awww.example.org/a'))[0]).toBe('website:domain:awww.example.org');
  });

  test('gives an IP address no website domain', () => {
    expect(keysOf(normalizeInput('http://192.168.1.1/x'))).toEqual(['app:url:https://192.168.1.1/x', 'other:url:https://192.168.1.1/x', 'other:short:https://192.168.1.1/x', 'link:url:https://192.168.1.1/x']);
  });

  test("names a page on the school's domains unresolvable when the domains are given", () => {
    const advice = { platform: 'website', advice: adviceOf('website') };
    expect(normalizeInput('https://news.qclg.edu.cn/a', { domains: ['qclg.edu.cn'] }).unresolvable).toEqual(advice);
    expect(normalizeInput('https://qclg.edu.cn/a', { domains: ['qclg.edu.cn'] }).unresolvable).toEqual(advice);
    expect(normalizeInput('https://other.edu.cn/a', { domains: ['qclg.edu.cn'] }).unresolvable).toBeNull();
    expect(normalizeInput('https://news.qclg.edu.cn/a', { domains: [] }).unresolvable).toBeNull();
    expect(normalizeInput('https://news.qclg.edu.cn/a').unresolvable).toBeNull();
    expect(platformKeys(normalizeInput('https://news.qclg.edu.cn/a', { domains: ['qclg.edu.cn'] }))[0]).toBe('website:domain:news.qclg.edu.cn');
  });

  test('keeps a link that cannot be parsed as a link without keys', () => {
    expect(normalizeInput('https://[::1/x')).toEqual({ ...empty('https://[::1/x'), kind: 'link', url: 'https://[::1/x' });
  });
});

describe('readShareText()', () => {
  test('answers null for text without a share form or a labelled ID', () => {
    expect(readShareText('欢迎关注青川理工学院')).toBeNull();
    expect(readShareText('')).toBeNull();
  });

  test('reads a name and names the platform of its share form', () => {
    expect(readShareText('【青川理工学院的微博】')).toEqual({ platform: 'weibo', names: ['青川理工学院'], keys: [] });
  });

  test('drops an @ (ASCII or full-width) and spaces around a name', () => {
    expect(readShareText('微博：@青川理工')).toEqual({ platform: 'weibo', names: ['青川理工'], keys: [] });
    expect(readShareText('微博：＠青川理工')).toEqual({ platform: 'weibo', names: ['青川理工'], keys: [] });
    expect(readShareText('【 青川理工 的微博】')).toEqual({ platform: 'weibo', names: ['青川理工'], keys: [] });
  });

  test('keeps each name once, in order, and names the platform of the first', () => {
    expect(readShareText('【青川理工学院的微博】 分享青川理工学院的微博')).toEqual({ platform: 'weibo', names: ['青川理工学院'], keys: [] });
    expect(readShareText('【青川团委的微博】 【青川理工学院的个人空间-哔哩哔哩】')).toEqual({ platform: 'weibo', names: ['青川团委', '青川理工学院'], keys: [] });
  });

  test("reads only the given platform's share forms", () => {
    expect(readShareText('【青川理工学院的微博】', 'bilibili')).toBeNull();
    expect(readShareText('【青川理工学院的微博】', 'weibo')).toEqual({ platform: 'weibo', names: ['青川理工学院'], keys: [] });
  });

  test('reads labelled IDs with an ASCII or full-width colon, spaces and an @', () => {
    const douyin = [{ platform: 'douyin', kind: 'douyin_id', value: 'qclg_jsj', key: 'douyin:douyin_id:qclg_jsj', label: '抖音号' }];
    expect(readShareText('抖音号：qclg_jsj')).toEqual({ platform: 'douyin', names: [], keys: douyin });
    expect(readShareText('抖音号 : @qclg_jsj')).toEqual({ platform: 'douyin', names: [], keys: douyin });
    expect(readShareText('抖音号：QCLG_JSJ')).toEqual({ platform: 'douyin', names: [], keys: douyin });
  });

  test('names no platform when the labelled IDs belong to several', () => {
    expect(readShareText('抖音号：qclg_jsj，快手号：qclg2024')!.platform).toBeNull();
    expect(readShareText('抖音号：qclg_jsj，快手号：qclg2024')!.keys.map((k) => k.key)).toEqual(['douyin:douyin_id:qclg_jsj', 'kuaishou:kuaishou_id:qclg2024', 'kuaishou:principal_id:qclg2024']);
  });

  test('reads a Chinese 吧名 up to each separator', () => {
    for (const sep of [' ', ',', '，', '。', ';', '；', '!', '！', '?', '？', '(', ')', '（', '）', '【', '】', '「', '」', '"', '“', '”'])
      expect(readShareText(`吧名：青川理工${sep}欢迎`)?.keys.map((k) => k.key), sep).toEqual(['tieba:kw:青川理工']);
  });

  test('reads the ASCII start of an ID followed by Chinese, and drops trailing dots', () => {
    expect(readShareText('抖音号：qclg_jsj欢迎关注')!.keys.map((k) => k.key)).toEqual(['douyin:douyin_id:qclg_jsj']);
    expect(readShareText('抖音号：qclg_jsj...')!.keys.map((k) => k.key)).toEqual(['douyin:douyin_id:qclg_jsj']);
    expect(readShareText('抖音号：qclg.jsj')!.keys.map((k) => k.key)).toEqual(['douyin:douyin_id:qclg.jsj']);
  });

  test('takes the longest label suffix of the words before the colon', () => {
    expect(readShareText('我们的抖音号：qclg_jsj')!.keys.map((k) => k.key)).toEqual(['douyin:douyin_id:qclg_jsj']);
    expect(readShareText('新浪微博UID：1234567890')!.keys.map((k) => k.key)).toEqual(['weibo:uid:1234567890']);
    expect(readShareText('UID：1234567890')!.keys.map((k) => k.key)).toEqual(['bilibili:mid:1234567890']);
  });

  test('ignores a label that names no key kind', () => {
    expect(readShareText('电话：12345678')).toBeNull();
  });
});

describe('normalizeInput(): share text around a link', () => {
  test("tries the share text's labelled IDs first and keeps the short link", () => {
    const n = normalizeInput('抖音号：qclg_jsj 主页 https://v.douyin.com/iRNBho6u/');
    expect(keysOf(n)).toEqual(['douyin:douyin_id:qclg_jsj', 'douyin:short:https://v.douyin.com/iRNBho6u', 'link:url:https://v.douyin.com/iRNBho6u']);
    expect(n.unresolvable?.platform).toBe('douyin');
    expect(n.kind).toBe('link');
  });

  test('keeps a key found both in the text and in the link once', () => {
    expect(keysOf(normalizeInput(`微博UID：${UID} https://weibo.com/u/${UID}`))).toEqual([`weibo:uid:${UID}`, `link:url:https://weibo.com/u/${UID}`]);
  });

  test("reads only the link platform's share forms", () => {
    const n = normalizeInput('【青川理工学院的微博】 https://b23.tv/AbCdEfG');
    expect(n.name).toBeNull();
    expect(n.share).toBeNull();
    expect(normalizeInput('【青川理工学院的个人空间-哔哩哔哩】 https://b23.tv/AbCdEfG').name).toBe('青川理工学院');
  });

  test('reads every share form around a website link or a link that cannot be parsed', () => {
    expect(normalizeInput('【青川理工学院的微博】 https://www.qclg.edu.cn/a').name).toBe('青川理工学院');
    expect(normalizeInput('【青川理工学院的微博】 https://[::1/x').name).toBe('青川理工学院');
  });

  test('prefers the name carried by the link over the share text', () => {
    expect(normalizeInput('【别名的微博】 https://weibo.com/n/青川理工').name).toBe('青川理工');
  });

  test('has no share result for a link alone', () => {
    expect(normalizeInput(`https://weibo.com/u/${UID}`).share).toBeNull();
  });
});

describe('normalizeInput(): IDs without a link', () => {
  test('reads an ICP备案号 in any case, with 6 to 10 digits and a site number', () => {
    const icp = (v: string) => [{ platform: 'website', kind: 'icp', value: v, key: `website:icp:${v}`, label: '网站 ICP备案号' }];
    expect(normalizeInput('青icp备00000012号')).toEqual({ ...empty('青icp备00000012号'), kind: 'id', platform: 'website', keys: icp('青ICP备00000012号') });
    expect(normalizeInput('青ICP备123456号').keys).toEqual(icp('青ICP备123456号'));
    expect(normalizeInput('页脚 青ICP备1234567890号-12 版权').keys).toEqual(icp('青ICP备1234567890号-12'));
    expect(normalizeInput('青ICP备12345号').kind).toBe('name');
    expect(normalizeInput('青ICP备12345678901号').kind).toBe('name');
    expect(normalizeInput('ICP备12345678号').kind).toBe('name');
  });

  test('reads labelled IDs with the names of the share text', () => {
    const n = normalizeInput('【青川理工学院的作品】 抖音号：qclg_jsj');
    expect(n.kind).toBe('id');
    expect(n.platform).toBe('douyin');
    expect(n.name).toBe('青川理工学院');
    expect(keysOf(n)).toEqual(['douyin:douyin_id:qclg_jsj']);
    expect(n.share).toEqual({ platform: 'douyin', names: ['青川理工学院'], keys: n.keys });
    expect(normalizeInput('抖音号：qclg_jsj').name).toBeNull();
  });

  test('reads a label shared by several platforms (QQ号) as each of them', () => {
    const n = normalizeInput('QQ号：12345678');
    expect(keysOf(n)).toEqual(['qq:uin:12345678', 'qzone:uin:12345678']);
    expect(n.platform).toBeNull();
  });

  test('restricts labelled digits to the kinds of the label that take digits, else to the label kinds', () => {
    expect(keysOf(normalizeInput(`微博：${UID}`))).toEqual([`weibo:uid:${UID}`]);
    expect(keysOf(normalizeInput('知乎：12345678'))).toEqual(['zhihu:org:12345678', 'zhihu:people:12345678']);
    expect(keysOf(normalizeInput('抖音号：12345678'))).toEqual(['douyin:douyin_id:12345678']);
  });

  test('restricts a labelled token to the kinds of the label', () => {
    expect(keysOf(normalizeInput(`抖音号：${SEC}`))).toEqual([`douyin:sec_uid:${SEC}`]);
    expect(keysOf(normalizeInput(`头条号：${SEC}`))).toEqual([`toutiao:token:${SEC}`]);
    expect(keysOf(normalizeInput('域名：news.qclg.edu.cn'))).toEqual(['website:domain:news.qclg.edu.cn']);
    expect(keysOf(normalizeInput('小红书号：qclg2024'))).toEqual(['xiaohongshu:xhs_id:qclg2024']);
    expect(normalizeInput('微信号：MzA3MDM3NjE5NQ==').keys).toEqual([]);
    // A 微信号 that also decodes as a __biz is still the 微信号 the label names.
    expect(keysOf(normalizeInput('微信号：MzA3MDM3NjE5NQ'))).toEqual(['wechat-mp:wxid:mza3mdm3nje5nq']);
  });

  test('reads a bare ID with an unmistakable prefix as that kind only', () => {
    expect(normalizeInput('T1234567890')).toEqual({
      ...empty('T1234567890'),
      kind: 'id',
      platform: 'netease',
      keys: [{ platform: 'netease', kind: 'tid', value: 'T1234567890', key: 'netease:tid:T1234567890', label: '网易号ID' }],
    });
    expect(keysOf(normalizeInput(SEC))).toEqual([`douyin:sec_uid:${SEC}`, `toutiao:token:${SEC}`]);
  });

  test('reads a bare __biz of any leading digit, padded or not', () => {
    for (const biz of ['MzA3MDM3NjE5NQ==', 'MjM0NTY3ODkwMQ==', 'MTIzNDU2Nzg5MA==', 'MDEyMzQ1Njc4OQ==', 'MTIzNDU2'])
      expect(normalizeInput(biz), biz).toEqual({ ...empty(biz), kind: 'id', platform: 'wechat-mp', keys: [{ platform: 'wechat-mp', kind: 'biz', value: biz, key: `wechat-mp:biz:${biz}`, label: '微信公众号 __biz' }] });
    expect(keysOf(normalizeInput('MTIzNDU2Nzg'))).toEqual(['wechat-mp:biz:MTIzNDU2Nzg=']);
    expect(keysOf(normalizeInput('MTIzNDU2Nzg='))).toEqual(['wechat-mp:biz:MTIzNDU2Nzg=']);
  });

  test('does not read as a __biz what decodes to fewer than six digits or carries three =', () => {
    expect(normalizeInput('MTIzNDU=').kind).toBe('name');
    expect(normalizeInput('MTIzNDU2Nzg5MA===').kind).toBe('name');
    expect(platformKeys(normalizeInput('MzA3MDM3N'))).not.toContain('wechat-mp:biz:MzA3MDM3N===');
    expect(platformKeys(normalizeInput('NzA3MDM3NjE5NQ'))).not.toContain('wechat-mp:biz:NzA3MDM3NjE5NQ==');
  });

  test('searches every platform taking digits, and answers digits even when none fits', () => {
    const n = normalizeInput('123');
    expect(n.kind).toBe('digits');
    expect(n.platform).toBeNull();
    expect(n.name).toBeNull();
    expect(keysOf(n)).toEqual([
      'douyin:douyin_id:123',
      'bilibili:mid:123',
      'kuaishou:kuaishou_id:123',
      'kuaishou:principal_id:123',
      'xiaohongshu:xhs_id:123',
      'yiban:school:123',
      'yiban:puid:123',
      'renmin:rmh:123',
      'thepaper:pph:123',
      'ximalaya:uid:123',
    ]);
    expect(normalizeInput('1'.repeat(41))).toEqual({ ...empty('1'.repeat(41)), kind: 'digits' });
  });

  test('reads a bare domain or package name, 网站 first', () => {
    expect(keysOf(normalizeInput('cn.edu.qclg.app'))).toEqual(['website:domain:cn.edu.qclg.app', 'app:package:cn.edu.qclg.app']);
    expect(normalizeInput('cn.edu.qclg.app').kind).toBe('id');
  });

  test('searches every handle platform for a bare handle and keeps it as a name', () => {
    const n = normalizeInput('@qclg-news');
    expect(n.kind).toBe('handle');
    expect(n.name).toBe('qclg-news');
    expect(n.platform).toBeNull();
    expect(keysOf(n)).toEqual(['wechat-mp:wxid:qclg-news', 'kuaishou:kuaishou_id:qclg-news', 'kuaishou:principal_id:qclg-news', 'zhihu:org:qclg-news', 'zhihu:people:qclg-news']);
    expect(keysOf(normalizeInput('qclg.1958'))).toEqual(['douyin:douyin_id:qclg.1958', 'kuaishou:kuaishou_id:qclg.1958', 'xiaohongshu:xhs_id:qclg.1958']);
    expect(keysOf(normalizeInput('qclg_jsj'))).toContain('douyin:douyin_id:qclg_jsj');
    expect(keysOf(normalizeInput('qclg-.edu.cn'))).toEqual(['kuaishou:kuaishou_id:qclg-.edu.cn']);
    expect(normalizeInput('qclg-.edu.cn').platform).toBe('kuaishou');
  });
});

describe('normalizeInput(): names', () => {
  test('reads anything else as a name, without a leading @', () => {
    expect(normalizeInput('@青川理工学院')).toEqual({ ...empty('@青川理工学院'), kind: 'name', name: '青川理工学院' });
    expect(normalizeInput('青川@理工').name).toBe('青川@理工');
    expect(normalizeInput('qclg@1958')).toEqual({ ...empty('qclg@1958'), kind: 'name', name: 'qclg@1958' });
    expect(normalizeInput('a').kind).toBe('name');
    expect(normalizeInput('abc+def').kind).toBe('name');
    expect(normalizeInput('qclg 1958')).toEqual({ ...empty('qclg 1958'), kind: 'name', name: 'qclg 1958' });
  });

  test('takes the name of a share text without an ID', () => {
    expect(normalizeInput('【青川理工学院的微博】 欢迎关注')).toEqual({
      ...empty('【青川理工学院的微博】 欢迎关注'),
      kind: 'name',
      platform: 'weibo',
      name: '青川理工学院',
      share: { platform: 'weibo', names: ['青川理工学院'], keys: [] },
    });
  });
});

describe('normalizeInput(): more link and ID edge cases', () => {
  test('reads an upper-case https link', () => {
    expect(platformKeys(normalizeInput(`HTTPS://WEIBO.COM/u/${UID}`))).toEqual([`weibo:uid:${UID}`]);
  });

  test('gives a captured value that does not fit its kind no key (weibo.com/u/123 is no UID)', () => {
    const n = normalizeInput('https://weibo.com/u/123');
    expect(keysOf(n)).toEqual(['link:url:https://weibo.com/u/123']);
    expect(n.platform).toBe('weibo');
  });

  test('names the first platform file among equally specific owners of an unknown page', () => {
    expect(normalizeInput('https://weixin.qq.com/cgi-bin/readtemplate').platform).toBe('wechat-mp');
    expect(normalizeInput('https://mp.weixin.qq.com/cgi-bin/x').platform).toBe('wechat-mp');
    expect(keysOf(normalizeInput('https://mp.weixin.qq.com/cgi-bin/x'))).toEqual(['link:url:https://mp.weixin.qq.com/cgi-bin/x']);
  });

  test('does not read as a __biz what does not decode to a decimal number starting like one', () => {
    expect(normalizeInput('MTIzNDU2YWI=').kind).toBe('name');
    expect(normalizeInput('MToxMjM0NTY=').kind).toBe('name');
    expect(normalizeInput('NDU2Nzg5MDEyMw==').kind).toBe('name');
  });

  test('reads a labelled ID only when it starts right after the label', () => {
    expect(readShareText('抖音号：青川qclg')).toBeNull();
    expect(readShareText('抖音号：青川')).toBeNull();
  });
});

describe('normalizeInput() and extractUrl(): forms found by the mutation run', () => {
  test('keeps a supplementary-plane CJK letter inside a query', () => {
    expect(extractUrl('https://tieba.baidu.com/f?kw=𠮷野家 吧')).toBe('https://tieba.baidu.com/f?kw=𠮷野家');
  });

  test('reads an unknown host with only a query, after leading spaces', () => {
    expect(extractUrl('  example.org?x=1')).toBe('example.org?x=1');
  });

  test('keeps an http weibo nickname link whole', () => {
    expect(extractUrl('http://weibo.com/n/青川 x')).toBe('http://weibo.com/n/青川');
  });

  test('removes www. only from website domains, not from other website kinds', () => {
    expect(canonicalKey('website', 'icp', 'www.x')).toBe('www.x');
  });

  test("keeps the exact-alias link key after a platform parser's keys", () => {
    expect(keysOf(normalizeInput('https://weibo.com/QCLG1958'))).toEqual(['weibo:domain:qclg1958', 'link:url:https://weibo.com/QCLG1958']);
  });

  test('does not name a link with an empty vid as an unresolvable video link', () => {
    const n = normalizeInput('https://w.yangshipin.cn/x?vid=');
    expect(n.unresolvable).toBeNull();
    expect(n.platform).toBe('yangshipin');
    expect(keysOf(n)).toEqual(['link:url:https://w.yangshipin.cn/x']);
  });

  test('gives an unresolvable link of a platform without short-link keys only the exact alias', () => {
    const n = normalizeInput('https://www.zhihu.com/question/123');
    expect(keysOf(n)).toEqual(['link:url:https://zhihu.com/question/123']);
    expect(n.unresolvable?.platform).toBe('zhihu');
  });

  test('keeps an @ inside a shared name', () => {
    expect(readShareText('微博：青川@理工')).toEqual({ platform: 'weibo', names: ['青川@理工'], keys: [] });
  });

  test('reads a link that carries a weixin:// link in its query as a page of its own host', () => {
    const n = normalizeInput('https://example.org/go?to=weixin://dl/business/?appid=wx0123456789abcdef');
    expect(n.platform).toBe('website');
    expect(platformKeys(n)[0]).toBe('website:domain:example.org');
  });
});
