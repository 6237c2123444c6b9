/**
 * 移动客户端（APP）.
 *
 * | form | example | keys |
 * |---|---|---|
 * | Android package / iOS bundle id | `cn.edu.qclg.app` | package (lower-case) |
 * | App Store id | digits after `id` in `apps.apple.com/cn/app/<slug>/id<n>` | appstore |
 * | Huawei AppGallery id | `C` + digits in `appgallery.huawei.com/app/C<n>` | appgallery |
 * | Google Play | `play.google.com/store/apps/details?id=<package>` | package |
 * | Xiaomi | `app.mi.com/details?id=<package>` | package |
 * | Tencent 应用宝 | `sj.qq.com/appdetail/<package>`, `a.app.qq.com/o/simple.jsp?pkgname=<package>`, `android.myapp.com/myapp/detail.htm?apkName=<package>` | package |
 * | Huawei (by package) | `appgallery.cloud.huawei.com/appDetail?pkgName=<package>` | package |
 * | 豌豆荚 | `www.wandoujia.com/apps/<package>` | package |
 * | download page | any https page on the school's domains | url (exact alias) |
 *
 * Sources: Apple, Google Play, Huawei AppGallery and 应用宝 public store URL formats.
 */
import { URL_KIND, definePlatform, type PlatformCase } from './define.ts';

export default definePlatform({
  id: 'app',
  label: '移动客户端（APP）',
  keys: [
    { id: 'package', label: '包名 / Bundle ID', pattern: /^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+$/, lowerCase: true },
    { id: 'appstore', label: 'App Store ID', pattern: /^\d{6,12}$/ },
    { id: 'appgallery', label: '华为应用市场ID', pattern: /^C\d{5,12}$/ },
    URL_KIND,
  ],
  visibleId: { kinds: ['package', 'appstore', 'appgallery'], label: '包名或 App Store ID' },
  hosts: ['apps.apple.com', 'itunes.apple.com', 'play.google.com', 'app.mi.com', 'sj.qq.com', 'a.app.qq.com', 'android.myapp.com', 'appgallery.huawei.com', 'appgallery.cloud.huawei.com', 'wandoujia.com'],
  idParams: ['id', 'pkgname', 'apkName', 'pkgName'],
  urlAlias: true,
  links: [
    { hosts: ['apps.apple.com', 'itunes.apple.com'], path: /\/app\/(?:[^/]+\/)?id(?<appstore>\d{6,12})(?:\/|$)/ },
    { hosts: ['apps.apple.com', 'itunes.apple.com'], query: { id: 'appstore' } },
    { hosts: ['play.google.com', 'app.mi.com'], query: { id: 'package' } },
    { hosts: ['sj.qq.com'], path: /^\/appdetail\/(?<package>[A-Za-z0-9_.]+)/ },
    { hosts: ['sj.qq.com', 'a.app.qq.com'], query: { pkgname: 'package' } },
    { hosts: ['android.myapp.com'], query: { apkName: 'package' } },
    { hosts: ['appgallery.huawei.com', 'appgallery.cloud.huawei.com'], path: /\/app\/(?<appgallery>C\d+)/ },
    { hosts: ['appgallery.huawei.com', 'appgallery.cloud.huawei.com'], query: { pkgName: 'package' } },
    { hosts: ['wandoujia.com'], path: /^\/apps\/(?<package>[A-Za-z0-9_.]+)/ },
  ],
  idLabels: [
    { label: /^(?:包名|bundle ?id|package)$/i, kinds: ['package'] },
    { label: /^app ?store ?id$/i, kinds: ['appstore'] },
  ],
  bare: { domain: ['package'] },
  advice: '该应用商店链接无法离线识别应用。请复制应用详情页的链接（含包名或 App Store ID），或输入包名。',
});

export const cases = (): PlatformCase[] => [
  { why: 'reads a package from a Google Play link', input: 'https://play.google.com/store/apps/details?id=cn.edu.qclg.app&hl=zh', keys: ['app:package:cn.edu.qclg.app', 'app:url:https://play.google.com/store/apps/details?id=cn.edu.qclg.app'], platform: 'app' },
  { why: 'reads a package from a Mi store link', input: 'https://app.mi.com/details?id=cn.edu.qclg.app&ref=search', keys: ['app:package:cn.edu.qclg.app', 'app:url:https://app.mi.com/details?id=cn.edu.qclg.app'] },
  { why: 'reads the App Store id', input: 'https://apps.apple.com/cn/app/qclg/id1234567890?l=en', keys: ['app:appstore:1234567890', 'app:url:https://apps.apple.com/cn/app/qclg/id1234567890'] },
  { why: 'reads the App Store id of an itunes link', input: 'https://itunes.apple.com/cn/app/id1234567890?mt=8', keys: ['app:appstore:1234567890', 'app:url:https://itunes.apple.com/cn/app/id1234567890'] },
  { why: 'reads a package from 应用宝 appdetail', input: 'https://sj.qq.com/appdetail/cn.edu.qclg.app', keys: ['app:package:cn.edu.qclg.app', 'app:url:https://sj.qq.com/appdetail/cn.edu.qclg.app'] },
  { why: 'reads a package from a.app.qq.com', input: 'https://a.app.qq.com/o/simple.jsp?pkgname=cn.edu.qclg.app&fromcase=40002', keys: ['app:package:cn.edu.qclg.app', 'app:url:https://a.app.qq.com/o/simple.jsp?pkgname=cn.edu.qclg.app'] },
  { why: 'reads a Huawei AppGallery id', input: 'https://appgallery.huawei.com/app/C101234567', keys: ['app:appgallery:C101234567', 'app:url:https://appgallery.huawei.com/app/C101234567'] },
  { why: 'reads a package from 豌豆荚', input: 'https://www.wandoujia.com/apps/cn.edu.qclg.app', keys: ['app:package:cn.edu.qclg.app', 'app:url:https://wandoujia.com/apps/cn.edu.qclg.app'] },
  { why: 'reads a labelled package name', input: '包名：cn.edu.qclg.app', keys: ['app:package:cn.edu.qclg.app'] },
  { why: 'names an unknown store page of a known store as an exact alias only', input: 'https://apps.apple.com/cn/developer/qclg/id987654', keys: ['app:url:https://apps.apple.com/cn/developer/qclg/id987654'] },
  { why: 'refuses a store path on a look-alike host', input: 'https://play.google.com.evil.example/store/apps/details?id=cn.edu.qclg.app', notPlatform: 'app' },
];
