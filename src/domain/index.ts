/** The registry core: pure functions of data and a date. No Astro, no octokit, no file system. */
export * from './body.ts';
export * from './dates.ts';
export * from './filing.ts';
export * from './findings.ts';
export * from './obligations.ts';
export * from './platforms.ts';
export * from './presets.ts';
export * from './registry.ts';
export * from './rules.ts';
export * from './schema/account.ts';
export * from './schema/common.ts';
export * from './schema/group.ts';
export * from './schema/impostor.ts';
export * from './schema/page.ts';
export * from './schema/policy.ts';
export * from './schema/review.ts';
export * from './schema/unit.ts';
