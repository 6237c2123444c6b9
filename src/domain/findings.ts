/**
 * Findings: what the validator reports. Every finding names a file, a line, a column, a field
 * path and a stable rule code; the message is Chinese and never quotes a private value.
 */

export type Severity = 'error' | 'warning';

export interface Finding {
  /** Path relative to the content folder, with forward slashes. */
  file: string;
  /** 1-based line; 1 when a finding concerns the whole file. */
  line: number;
  /** 1-based column. */
  column: number;
  /** Field path such as `contacts.admins[0].mobile`; empty for the whole file. */
  field: string;
  /** Stable rule code such as `ref/unit`; scripts and tests rely on it. */
  code: string;
  /** Chinese message for office staff and unit heads. */
  message: string;
  severity: Severity;
}

export type FieldPath = ReadonlyArray<string | number>;

/** Renders a path as `a.b[0].c`. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}

/** Orders findings by file, line, column, then code, so reports are stable. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
