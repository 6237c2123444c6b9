/** Office-written pages (`content/pages/*.mdx`): trusted, rendered with @astrojs/mdx. */
import * as z from 'zod';
import { TextSchema, titled } from './common.ts';

export const PageSchema = z.strictObject({
  /** 标题 */
  title: titled(TextSchema, '标题'),
  /** 摘要 */
  description: titled(TextSchema.optional(), '摘要'),
  /** 导航顺序 */
  order: titled(z.number().int().default(100), '顺序'),
});
export type Page = z.infer<typeof PageSchema>;
