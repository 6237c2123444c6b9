/**
 * Every platform file, in display order. Adding a platform: write src/domain/platforms/<id>.ts
 * (see define.ts) and add it here and to CASE_FILES in tests/platform-cases.test.ts.
 */
import type { PlatformDef } from './define.ts';
import app from './app.ts';
import baijiahao from './baijiahao.ts';
import bilibili from './bilibili.ts';
import douyin from './douyin.ts';
import { dingtalkGroup, wechatGroup, wecomGroup } from './groups.ts';
import kuaishou from './kuaishou.ts';
import netease from './netease.ts';
import other from './other.ts';
import qq from './qq.ts';
import qqChannel from './qq-channel.ts';
import qqGroup from './qq-group.ts';
import qqMp from './qq-mp.ts';
import qzone from './qzone.ts';
import renmin from './renmin.ts';
import renren from './renren.ts';
import thepaper from './thepaper.ts';
import tieba from './tieba.ts';
import toutiao from './toutiao.ts';
import website from './website.ts';
import wechatChannels from './wechat-channels.ts';
import wechatMini from './wechat-mini.ts';
import wechatMp from './wechat-mp.ts';
import weibo from './weibo.ts';
import xiaohongshu from './xiaohongshu.ts';
import ximalaya from './ximalaya.ts';
import xuexi from './xuexi.ts';
import yangshipin from './yangshipin.ts';
import yiban from './yiban.ts';
import zhihu from './zhihu.ts';

/** Platform definitions. The existing ids stay valid for existing filings; `other` stays last. */
export const PLATFORM_DEFS: readonly PlatformDef[] = [
  wechatMp,
  wechatMini,
  wechatChannels,
  weibo,
  douyin,
  toutiao,
  bilibili,
  kuaishou,
  xiaohongshu,
  zhihu,
  qqGroup,
  qqChannel,
  qqMp,
  wechatGroup,
  wecomGroup,
  dingtalkGroup,
  yiban,
  tieba,
  app,
  website,
  renren,
  baijiahao,
  netease,
  renmin,
  thepaper,
  xuexi,
  yangshipin,
  qq,
  qzone,
  ximalaya,
  other,
];
