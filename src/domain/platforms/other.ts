/**
 * 其他 (a platform not listed; `platformOther` names it). Keys are exact page URLs and registered
 * short links; any https host is allowed (no userinfo).
 */
import { SHORT, URL_KIND, definePlatform } from './define.ts';

export default definePlatform({ id: 'other', label: '其他', keys: [URL_KIND, SHORT], hosts: [], links: [] });
