import { SEVERITIES } from './electronegativity-scan';
import type { Finding, ScanResult, Severity } from './electronegativity-scan';

/** One row of SECURITY.md's table: one finding the project knows of, and why it stands. */
export interface AcceptedFinding {
  check: string;
  severity: Severity;
  file: string;
  reason: string;
}

export const ACCEPTED_FINDINGS_HEADING = '## Electronegativity findings we accept';

// Medium and high findings are fixed; one stays only when the scanner is wrong about the code.
const FALSE_POSITIVE = /^False positive\b/;

/**
 * The rows of the table under {@link ACCEPTED_FINDINGS_HEADING}: `| Check | Severity | Where | Why |`,
 * one row per finding, the check and the file in backticks.
 */
export function readAcceptedFindings(markdown: string): AcceptedFinding[] {
  const sections = markdown.split(/^(?=## )/m);
  const section = sections.find((part) => part.startsWith(`${ACCEPTED_FINDINGS_HEADING}\n`));
  if (section === undefined) throw new Error(`SECURITY.md has no "${ACCEPTED_FINDINGS_HEADING}" section`);
  const rows = section.split('\n').filter((line) => line.startsWith('|'));
  // The first two rows are the table's head and its separator.
  return rows.slice(2).map((row) => {
    const [check = '', severity = '', file = '', reason = ''] = row
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim().replace(/^`(.*)`$/, '$1'));
    const known = SEVERITIES.find((name) => name === severity.toUpperCase());
    if (known === undefined) throw new Error(`SECURITY.md accepts ${check} with an unknown severity "${severity}"`);
    return { check, severity: known, file, reason };
  });
}

const isSerious = (severity: Severity) => severity === 'MEDIUM' || severity === 'HIGH';
const named = (finding: Finding) => `${finding.severity} ${finding.check} at ${finding.file}:${finding.line}`;

/**
 * Everything that fails the scan, in words; empty when it passes. Each finding must match a row
 * of its own (check, severity and file), so a second finding of an accepted kind is new, and a
 * row that matches nothing any more is stale: the table stays a true list of what the scan sees.
 */
export function gateProblems({ findings, unreadable, inlineSuppressions }: ScanResult, accepted: readonly AcceptedFinding[]): string[] {
  const problems: string[] = [];
  const unmatched = [...accepted];
  for (const finding of findings) {
    const row = unmatched.findIndex((entry) => entry.check === finding.check && entry.severity === finding.severity && entry.file === finding.file);
    if (row !== -1) unmatched.splice(row, 1);
    else if (isSerious(finding.severity)) problems.push(`${named(finding)}: fix it (or, if the scanner is wrong, list it in SECURITY.md as a false positive)`);
    else problems.push(`${named(finding)}: not in SECURITY.md's accepted findings`);
  }
  for (const entry of unmatched) {
    problems.push(`SECURITY.md accepts ${entry.severity} ${entry.check} in ${entry.file}, which the scan no longer finds: remove the row`);
  }
  for (const entry of accepted) {
    if (isSerious(entry.severity) && !FALSE_POSITIVE.test(entry.reason)) {
      problems.push(
        `SECURITY.md accepts ${entry.severity} ${entry.check} in ${entry.file} as a risk: medium and high findings are fixed; only a false positive may stay`,
      );
    }
  }
  for (const { file, message } of unreadable) problems.push(`${file} could not be parsed, so it was not checked: ${message}`);
  for (const place of inlineSuppressions)
    problems.push(`${place} has an eng-disable comment, which hides findings from the report: list them in SECURITY.md instead`);
  return problems;
}
