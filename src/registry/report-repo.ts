/**
 * Where the public reports impostors: $REPORT_REPO, a public repository's URL (e.g.
 * https://github.com/school/media-reports). Deliberately not $GITHUB_REPOSITORY: the filings
 * repository is private, so a student sent there would meet a 404; without REPORT_REPO the site
 * and the CLI offer the policy's report email instead.
 */
export function reportRepoFromEnv(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.REPORT_REPO?.trim() || null;
}
