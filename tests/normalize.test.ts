// normalizeInput(): every platform and link form of shared/PLATFORMS.md, share text, full-width and
// zero-width characters, tracking parameters, short links and ambiguous bare digits.
import { describe, expect, test } from 'vitest';
import { canonicalKey, canonicalUrl, extractUrl, normalizeInput } from '../src/domain/verify/normalize.ts';
import { PLATFORMS } from '../src/domain/platforms.ts';

interface Expect {
  /** Exact list of platform keys (the `link:url:` exact-alias key is left out). */
  keys?: string[];
  /** Keys that must be among the candidates. */
  includes?: string[];
  platform?: string | null;
  /** The platform named for an unresolvable link. */
  unresolvable?: string;
  kind?: string;
  name?: string | null;
}

const SEC = 'MS4wLjABAAAAv7iSuuXDJGDvJkmH_vz1qkDZYo1apxgzaxdBSeIuPiM';
const XHS = '5ff0e6410000000001008400';
const ZW = '\u200b';

// [behaviour, input, expectation]
const CASES: Array<[string, string, Expect]> = [
  // 微信公众号
  ['reads 原始ID gh_ as a bare ID', 'gh_3a1b2c3d4e5f', { keys: ['wechat-mp:gh:gh_3a1b2c3d4e5f'], platform: 'wechat-mp', kind: 'id' }],
  ['lower-cases an upper-case 原始ID', 'GH_3A1B2C3D4E5F', { keys: ['wechat-mp:gh:gh_3a1b2c3d4e5f'] }],
  ['reads __biz from an article link, dropping mid/idx/sn', 'https://mp.weixin.qq.com/s?__biz=MzA3MDM3NjE5NQ==&mid=2650&idx=1&sn=abc&chksm=x#rd', { keys: ['wechat-mp:biz:MzA3MDM3NjE5NQ=='], platform: 'wechat-mp' }],
  ['decodes a percent-encoded __biz', 'https://mp.weixin.qq.com/s?__biz=MzA3MDM3NjE5NQ%3D%3D&mid=1', { keys: ['wechat-mp:biz:MzA3MDM3NjE5NQ=='] }],
  ['reads __biz from profile_ext', 'https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=MzA3MDM3NjE5NQ==&scene=124#wechat_redirect', { keys: ['wechat-mp:biz:MzA3MDM3NjE5NQ=='] }],
  ['reads __biz from homepage', 'https://mp.weixin.qq.com/mp/homepage?__biz=MzA3MDM3NjE5NQ==&hid=1', { keys: ['wechat-mp:biz:MzA3MDM3NjE5NQ=='] }],
  ['pads a __biz without its ==', 'https://mp.weixin.qq.com/s?__biz=MzA3MDM3NjE5NQ&mid=1', { keys: ['wechat-mp:biz:MzA3MDM3NjE5NQ=='] }],
  ['reads a bare __biz', 'MzA3MDM3NjE5NQ==', { keys: ['wechat-mp:biz:MzA3MDM3NjE5NQ=='], kind: 'id' }],
  ['reads gh_ from an open.weixin QR link', 'https://open.weixin.qq.com/qr/code?username=gh_3a1b2c3d4e5f', { keys: ['wechat-mp:gh:gh_3a1b2c3d4e5f'] }],
  ['reads a 微信号 from an open.weixin QR link', 'https://open.weixin.qq.com/qr/code?username=qclg1958', { keys: ['wechat-mp:wxid:qclg1958'] }],
  ['names a mp.weixin.qq.com/s/<token> article as unresolvable', 'https://mp.weixin.qq.com/s/Xb8kQ2mJ7pLr0aT3cYvN1w', { unresolvable: 'wechat-mp', keys: ['wechat-mp:short:https://mp.weixin.qq.com/s/Xb8kQ2mJ7pLr0aT3cYvN1w'] }],
  ['names a weixin.qq.com/r/ QR link as unresolvable', 'http://weixin.qq.com/r/aB3dEf9hIjKlMnOp', { unresolvable: 'wechat-mp' }],
  ['reads a labelled 微信号', '微信号：qclg1958', { keys: ['wechat-mp:wxid:qclg1958'], platform: 'wechat-mp' }],
  ['keeps the 原始ID in share text with a full-width colon', '公众号原始ID：gh_3a1b2c3d4e5f，欢迎关注', { keys: ['wechat-mp:gh:gh_3a1b2c3d4e5f'], platform: 'wechat-mp', kind: 'id' }],
  // 小程序
  ['reads a bare AppID', 'wx0123456789abcdef', { keys: ['wechat-mini:appid:wx0123456789abcdef'], platform: 'wechat-mini' }],
  ['reads the AppID of a weixin://dl/business link', 'weixin://dl/business/?appid=wx0123456789abcdef&path=pages/index', { keys: ['wechat-mini:appid:wx0123456789abcdef'] }],
  ['names a weixin://dl/business ticket as unresolvable', 'weixin://dl/business/?t=AbCdEf123', { unresolvable: 'wechat-mini' }],
  ['names a wxaurl.cn link as unresolvable', 'https://wxaurl.cn/AbCdEfGh', { unresolvable: 'wechat-mini' }],
  ['keeps the name hint of a #小程序:// card', '#小程序://青川理工教务/AbCdEf', { unresolvable: 'wechat-mini', name: '青川理工教务' }],
  // 视频号
  ['reads a bare 视频号ID', 'sphAbC123xyz', { keys: ['wechat-channels:sph:sphAbC123xyz'], platform: 'wechat-channels' }],
  ['reads a labelled 视频号ID', '视频号ID: sphAbC123xyz', { keys: ['wechat-channels:sph:sphAbC123xyz'] }],
  // 微博
  ['reads weibo.com/u/<uid>', 'https://weibo.com/u/1234567890', { keys: ['weibo:uid:1234567890'], platform: 'weibo' }],
  ['ignores tracking parameters on a weibo link', 'https://weibo.com/u/1234567890?refer_flag=1001030103_&is_all=1&spm_id_from=333', { keys: ['weibo:uid:1234567890'] }],
  ['reads www.weibo.com as weibo.com', 'https://www.weibo.com/u/1234567890', { keys: ['weibo:uid:1234567890'] }],
  ['reads m.weibo.cn/u/<uid>', 'https://m.weibo.cn/u/1234567890?uid=1234567890&luicode=10000011', { keys: ['weibo:uid:1234567890'] }],
  ['reads m.weibo.cn/profile/<uid>', 'https://m.weibo.cn/profile/1234567890', { keys: ['weibo:uid:1234567890'] }],
  ['reads weibo.com/<uid>', 'https://weibo.com/1234567890', { keys: ['weibo:uid:1234567890'] }],
  ['reads the author of a post link', 'https://weibo.com/1234567890/NqWeRtYuI', { keys: ['weibo:uid:1234567890'] }],
  ['strips the 100606 page prefix', 'https://weibo.com/p/1006061234567890/home?from=page_100606', { keys: ['weibo:uid:1234567890'] }],
  ['strips the 100505 page prefix', 'https://weibo.com/p/1005051234567890', { keys: ['weibo:uid:1234567890'] }],
  ['reads a custom domain, lower-cased', 'https://weibo.com/QCLG1958', { keys: ['weibo:domain:qclg1958'] }],
  ['does not take a site path (hot) for a custom domain', 'https://weibo.com/hot/weibo', { keys: [], platform: 'weibo' }],
  ['does not take login for a custom domain', 'https://weibo.com/login.php', { keys: [] }],
  ['reads weibo.com/n/<nickname> as a name', 'https://weibo.com/n/青川理工学院', { keys: [], name: '青川理工学院' }],
  ['names t.cn as an unresolvable weibo link', 'http://t.cn/A6abcDEF', { unresolvable: 'weibo', keys: ['weibo:short:https://t.cn/A6abcDEF'] }],
  ['names m.weibo.cn/status as unresolvable', 'https://m.weibo.cn/status/4912345678901234', { unresolvable: 'weibo' }],
  ['names m.weibo.cn/detail as unresolvable', 'https://m.weibo.cn/detail/4912345678901234', { unresolvable: 'weibo' }],
  ['reads a full-width weibo link', 'ｈｔｔｐｓ：／／ｗｅｉｂｏ．ｃｏｍ／ｕ／１２３４５６７８９０', { keys: ['weibo:uid:1234567890'] }],
  ['reads a scheme-less weibo link', 'weibo.com/u/1234567890', { keys: ['weibo:uid:1234567890'] }],
  ['reads an upper-case host', 'HTTPS://WEIBO.COM/u/1234567890', { keys: ['weibo:uid:1234567890'] }],
  ['strips a zero-width space inside a link', `https://weibo.com/u/1234${ZW}567890`, { keys: ['weibo:uid:1234567890'] }],
  // 抖音
  ['reads the sec_uid of a user link, ignoring the query', `https://www.douyin.com/user/${SEC}?from_tab_name=main&vid=7`, { keys: [`douyin:sec_uid:${SEC}`], platform: 'douyin' }],
  ['reads the sec_uid of an iesdouyin share link', `https://www.iesdouyin.com/share/user/${SEC}?u_code=x&did=1`, { keys: [`douyin:sec_uid:${SEC}`] }],
  ['reads a bare sec_uid (also a 头条 token)', SEC, { keys: [`douyin:sec_uid:${SEC}`, `toutiao:token:${SEC}`], platform: null }],
  ['knows douyin.com/user/self is not an account', 'https://www.douyin.com/user/self?showTab=post', { unresolvable: 'douyin', keys: [] }],
  ['names a video link as not naming its author', 'https://www.douyin.com/video/7312345678901234567', { unresolvable: 'douyin' }],
  ['pulls v.douyin.com out of share text (ends at a space)', '7.43 复制打开抖音，看看【青川理工学院的作品】开学典礼 # 青川 https://v.douyin.com/iRNBho6u/ MWz:/ 01/11 s@E.uF', { unresolvable: 'douyin', keys: ['douyin:short:https://v.douyin.com/iRNBho6u'] }],
  ['reads a labelled 抖音号', '抖音号：qclg_jsj', { keys: ['douyin:douyin_id:qclg_jsj'], platform: 'douyin' }],
  // 今日头条
  ['reads a 头条 token link', `https://www.toutiao.com/c/user/token/${SEC}/?source=tuwen_detail`, { keys: [`toutiao:token:${SEC}`], platform: 'toutiao' }],
  ['reads a legacy numeric 头条 link', 'https://www.toutiao.com/c/user/50502346173/', { keys: ['toutiao:uid:50502346173'] }],
  // B站
  ['reads space.bilibili.com/<mid>', 'https://space.bilibili.com/1234567890', { keys: ['bilibili:mid:1234567890'], platform: 'bilibili' }],
  ['reads a mid under any sub-path, ignoring spm_id_from', 'https://space.bilibili.com/1234567890/video?spm_id_from=333.1007.0.0', { keys: ['bilibili:mid:1234567890'] }],
  ['reads m.bilibili.com/space/<mid>', 'https://m.bilibili.com/space/1234567890', { keys: ['bilibili:mid:1234567890'] }],
  ['names b23.tv in share text as unresolvable', '【青川理工学院的个人空间-哔哩哔哩】 https://b23.tv/AbCdEfG', { unresolvable: 'bilibili', keys: ['bilibili:short:https://b23.tv/AbCdEfG'] }],
  ['names bili2233.cn as unresolvable', 'https://bili2233.cn/AbCdEfG', { unresolvable: 'bilibili' }],
  ['names a BV video link as not naming the uploader', 'https://www.bilibili.com/video/BV1xx411c7mD?p=1&share_source=copy_web', { unresolvable: 'bilibili' }],
  // 快手
  ['reads kuaishou.com/profile/<id>', 'https://www.kuaishou.com/profile/3xabcdef123456', { keys: ['kuaishou:principal_id:3xabcdef123456'], platform: 'kuaishou' }],
  ['reads live.kuaishou.com/u/<id>', 'https://live.kuaishou.com/u/3xabcdef123456', { keys: ['kuaishou:principal_id:3xabcdef123456'] }],
  ['names v.kuaishou.com as unresolvable', 'https://v.kuaishou.com/AbCdEf 青川理工学院 快来看看', { unresolvable: 'kuaishou' }],
  ['reads a labelled 快手号', '快手号: qclg2024', { keys: ['kuaishou:kuaishou_id:qclg2024', 'kuaishou:principal_id:qclg2024'] }],
  // 小红书
  ['reads a user_id link, ignoring xsec_token', `https://www.xiaohongshu.com/user/profile/${XHS}?xsec_token=ABC&xsec_source=pc_search`, { keys: [`xiaohongshu:user_id:${XHS}`], platform: 'xiaohongshu' }],
  ['reads a bare 24-hex user_id', XHS, { keys: [`xiaohongshu:user_id:${XHS}`] }],
  ['pulls xhslink out of share text (ends at a full-width comma)', '青川理工学院发布了一篇小红书笔记，快来看吧！😆 http://xhslink.com/a/AbCdEf，复制本条信息，打开【小红书】App查看精彩内容！', { unresolvable: 'xiaohongshu', keys: ['xiaohongshu:short:https://xhslink.com/a/AbCdEf'] }],
  ['names xhslink.cn as unresolvable', 'https://xhslink.cn/m/AbCdEf', { unresolvable: 'xiaohongshu' }],
  ['names an explore note link as not naming its author', 'https://www.xiaohongshu.com/explore/65a1b2c3d4e5f60718293a4b', { unresolvable: 'xiaohongshu' }],
  // 知乎
  ['reads a zhihu org token', 'https://www.zhihu.com/org/qing-chuan-li-gong', { keys: ['zhihu:org:qing-chuan-li-gong'], platform: 'zhihu' }],
  ['reads a zhihu people token', 'https://www.zhihu.com/people/qclg-news/answers', { keys: ['zhihu:people:qclg-news'] }],
  // QQ群 / QQ频道
  ['reads group_code from a qm.qq.com QR link', 'https://qm.qq.com/cgi-bin/qm/qr?k=AbCdEf&jump_from=webapi&authKey=xyz&group_code=87654321', { keys: ['qq-group:group:87654321'], platform: 'qq-group' }],
  ['names qm.qq.com/q/ as unresolvable', 'https://qm.qq.com/q/AbCdEfGh', { unresolvable: 'qq-group' }],
  ['names jq.qq.com/?k= as unresolvable', 'https://jq.qq.com/?_wv=1027&k=AbCdEf', { unresolvable: 'qq-group', keys: ['qq-group:short:https://jq.qq.com?k=AbCdEf'] }],
  ['reads a labelled QQ群号', 'QQ群：87654321', { keys: ['qq-group:group:87654321'], platform: 'qq-group' }],
  ['reads a bare 频道号', 'pd12345678', { keys: ['qq-channel:pd:pd12345678'], platform: 'qq-channel' }],
  ['names pd.qq.com/s/ as unresolvable', 'https://pd.qq.com/s/abc123', { unresolvable: 'qq-channel' }],
  // 易班
  ['reads a 易班 school id', 'https://www.yiban.cn/school/index/id/5000123', { keys: ['yiban:school:5000123'], platform: 'yiban' }],
  ['reads a 易班 org puid', 'https://www.yiban.cn/Org/orglistShow/puid/5370552/type/forum', { keys: ['yiban:puid:5370552'] }],
  // 百度贴吧
  ['reads a 贴吧 kw (Chinese in the query) and hints the forum name', 'https://tieba.baidu.com/f?kw=青川理工学院&ie=utf-8', { keys: ['tieba:kw:青川理工学院'], platform: 'tieba', name: '青川理工学院吧' }],
  ['reads a percent-encoded 贴吧 kw', 'https://tieba.baidu.com/f?kw=%E9%9D%92%E5%B7%9D%E7%90%86%E5%B7%A5&fr=index', { keys: ['tieba:kw:青川理工'] }],
  ['reads a 贴吧 user portrait', 'https://tieba.baidu.com/home/main?id=tb.1.abcdef12.XYZ123&fr=frs', { keys: ['tieba:portrait:tb.1.abcdef12.XYZ123'] }],
  // 人人网
  ['reads a renren profile id', 'http://www.renren.com/profile.do?id=234567890', { keys: ['renren:uid:234567890'], platform: 'renren' }],
  // APP
  ['reads a package from a Google Play link', 'https://play.google.com/store/apps/details?id=cn.edu.qclg.app&hl=zh', { keys: ['app:package:cn.edu.qclg.app', 'app:url:https://play.google.com/store/apps/details?id=cn.edu.qclg.app'], platform: 'app' }],
  ['reads a package from a Mi store link', 'https://app.mi.com/details?id=cn.edu.qclg.app&ref=search', { includes: ['app:package:cn.edu.qclg.app'] }],
  ['takes an App Store page as its App Store id and an exact alias', 'https://apps.apple.com/cn/app/qclg/id1234567890?l=en', { keys: ['app:appstore:1234567890', 'app:url:https://apps.apple.com/cn/app/qclg/id1234567890'] }],
  ['reads a bare package name (or domain)', 'cn.edu.qclg.app', { keys: ['website:domain:cn.edu.qclg.app', 'app:package:cn.edu.qclg.app'] }],
  // 网站
  ['reads a website domain, www. stripped', 'https://www.qclg.edu.cn/info/1001/2345.htm', { includes: ['website:domain:qclg.edu.cn'], platform: 'website' }],
  ['reads a bare domain', 'news.qclg.edu.cn', { includes: ['website:domain:news.qclg.edu.cn'] }],
  ['reads an ICP备案号 in a page footer', '版权所有 青川理工学院 青ICP备00000012号-1 技术支持', { keys: ['website:icp:青ICP备00000012号-1'], platform: 'website' }],
  // Bare digits: ambiguous, every platform that uses digits.
  ['searches every digit platform for bare digits', '1234567890', { includes: ['weibo:uid:1234567890', 'bilibili:mid:1234567890', 'qq-group:group:1234567890', 'qq-mp:uin:1234567890', 'toutiao:uid:1234567890', 'yiban:puid:1234567890', 'renren:uid:1234567890'], platform: null, kind: 'digits' }],
  ['searches B站 (short mids) but not QQ群 for 4 digits', '2333', { includes: ['bilibili:mid:2333', 'yiban:school:2333'], platform: null, kind: 'digits' }],
  ['treats full-width digits as digits', '１２３４５６７８', { includes: ['weibo:uid:12345678', 'qq-group:group:12345678'], kind: 'digits' }],
  ['strips zero-width characters in digits', `8765${ZW}4321`, { includes: ['qq-group:group:87654321'], kind: 'digits' }],
  ['restricts labelled digits to that platform', 'B站UID：1234567890', { keys: ['bilibili:mid:1234567890'], platform: 'bilibili' }],
  ['restricts a labelled 微博UID', '微博UID: 1234567890', { keys: ['weibo:uid:1234567890'] }],
  // Handles.
  ['searches every handle platform for a bare handle', 'qclg1958', { includes: ['wechat-mp:wxid:qclg1958', 'weibo:domain:qclg1958', 'douyin:douyin_id:qclg1958', 'xiaohongshu:xhs_id:qclg1958', 'kuaishou:kuaishou_id:qclg1958'], kind: 'handle', platform: null }],
  ['drops the @ of a handle', '@qclg1958', { includes: ['wechat-mp:wxid:qclg1958'] }],
  // Names and negatives.
  ['treats Chinese text as a name', '青川理工学院', { keys: [], kind: 'name', name: '青川理工学院' }],
  ['treats an @name as a name without the @', '@青川理工学院', { kind: 'name', name: '青川理工学院' }],
  ['treats a name with spaces as a name', 'Qingchuan Institute of Technology', { kind: 'name', keys: [] }],
  ['returns nothing for whitespace and zero-width only', `  ${ZW}\u200d `, { kind: 'empty', keys: [] }],
  ['does not read a 13-digit number as a 微博 uid', '1234567890123', { kind: 'digits' }],
  ['does not take a 24-char non-hex string for a user_id', '5ff0e6410000000001008zzz', { kind: 'handle' }],
  ['does not take gh_ with 11 hex digits for a 原始ID', 'gh_3a1b2c3d4e5', { kind: 'handle' }],
  ['ignores a fragment-only tracking link', 'https://weibo.com/u/1234567890#comment', { keys: ['weibo:uid:1234567890'] }],
];

describe('normalizeInput()', () => {
  test.each(CASES)('%s', (_label, input, e) => {
    const n = normalizeInput(input);
    const keys = n.keys.filter((k) => k.platform !== 'link').map((k) => k.key);
    if (e.keys) expect(keys).toEqual(e.keys);
    if (e.includes) for (const k of e.includes) expect(keys).toContain(k);
    if (e.platform !== undefined) expect(n.platform).toBe(e.platform);
    if (e.unresolvable) expect(n.unresolvable?.platform).toBe(e.unresolvable);
    else if (e.keys || e.includes) expect(n.unresolvable).toBeNull();
    if (e.kind) expect(n.kind).toBe(e.kind);
    if (e.name !== undefined) expect(n.name).toBe(e.name);
  });

  test('has at least 80 link and ID cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(80);
  });

  test('gives Chinese advice naming how to copy a resolvable link or ID for each short link', () => {
    expect(normalizeInput('https://v.douyin.com/iRNBho6u/').unresolvable?.advice).toContain('抖音号');
    expect(normalizeInput('https://b23.tv/AbC').unresolvable?.advice).toContain('UID');
    expect(normalizeInput('http://t.cn/A6abc').unresolvable?.advice).toContain('复制链接');
    expect(normalizeInput('http://xhslink.com/a/x').unresolvable?.advice).toContain('小红书号');
    expect(normalizeInput('https://qm.qq.com/q/x').unresolvable?.advice).toContain('QQ群号');
  });

  test('keeps the exact-alias link key so a registered short link can match', () => {
    const n = normalizeInput('复制这条链接 https://B23.tv/AbCdEfG?share_medium=android 打开');
    expect(n.keys.map((k) => k.key)).toContain('link:url:https://b23.tv/AbCdEfG');
  });
});

describe('extractUrl()', () => {
  test.each([
    ['ends at whitespace', 'see https://weibo.com/u/1 now', 'https://weibo.com/u/1'],
    ['ends at CJK punctuation', '链接：https://weibo.com/u/1，请查看', 'https://weibo.com/u/1'],
    ['ends at a CJK letter in the path', 'https://weibo.com/u/1复制链接', 'https://weibo.com/u/1'],
    ['keeps CJK letters in the query', 'https://tieba.baidu.com/f?kw=青川 好', 'https://tieba.baidu.com/f?kw=青川'],
    ['drops trailing ASCII punctuation', '(https://weibo.com/u/1).', 'https://weibo.com/u/1'],
    ['folds full-width URL characters', 'ｈｔｔｐｓ：／／ｂ２３．ｔｖ／ＡＢＣ。', 'https://b23.tv/ABC'],
  ])('%s', (_l, input, out) => {
    expect(extractUrl(input)).toBe(out);
  });
});

describe('canonicalUrl() and canonicalKey()', () => {
  test('drops tracking parameters, www., the fragment and a trailing slash', () => {
    expect(canonicalUrl('http://www.Example.edu.cn/a/b/?utm_source=x&spm_id_from=1#top')).toBe('https://example.edu.cn/a/b');
  });
  test('keeps ID-bearing parameters, sorted', () => {
    expect(canonicalUrl('https://tieba.baidu.com/f?kw=abc&ie=utf-8&id=9')).toBe('https://tieba.baidu.com/f?id=9&kw=abc');
  });
  test('lower-cases case-insensitive kinds and pads __biz', () => {
    expect(canonicalKey('wechat-mp', 'wxid', ' QCLG1958 ')).toBe('qclg1958');
    expect(canonicalKey('wechat-mp', 'biz', 'MzA3MDM3NjE5NQ')).toBe('MzA3MDM3NjE5NQ==');
    expect(canonicalKey('douyin', 'sec_uid', SEC)).toBe(SEC);
  });
});
