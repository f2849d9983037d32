import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gateProblems, readAcceptedFindings } from './electronegativity-gate';
import type { AcceptedFinding } from './electronegativity-gate';
import { ROOT, electronVersion, scanFolder, scanShippedSources, stageShippedSources } from './electronegativity-scan';
import type { Finding, ScanResult } from './electronegativity-scan';

const securityPolicy = () => readFileSync(join(ROOT, 'SECURITY.md'), 'utf8');

describe('electronegativity over the shipped sources', () => {
  let scan: ScanResult;
  beforeAll(async () => {
    scan = await scanShippedSources();
  });

  it('finds nothing that SECURITY.md does not accept, and SECURITY.md accepts nothing it does not find', () => {
    expect(gateProblems(scan, readAcceptedFindings(securityPolicy()))).toEqual([]);
  });

  it('parses every file it is given', () => {
    expect(scan.unreadable).toEqual([]);
  });
});

describe('the scanned sources', () => {
  let stage: string;
  let files: string[];
  beforeAll(() => {
    stage = stageShippedSources();
    files = readdirSync(stage, { recursive: true }).map(String);
  });
  afterAll(() => rmSync(stage, { recursive: true, force: true }));

  it('are main with its preload, and the renderer with its page', () => {
    expect(files).toEqual(
      expect.arrayContaining(['main/index.ts', 'main/preload/index.ts', 'main/electron/secure-window.ts', 'renderer/src/main.tsx', 'renderer/index.html']),
    );
  });

  it('leave out tests, which build insecure windows on purpose', () => {
    expect(files.filter((file) => /\.test\.tsx?$|(^|\/)tests(\/|$)/.test(file))).toEqual([]);
  });
});

describe('the gate', () => {
  it('refuses an insecure window', async () => {
    const scan = await scanFolder(join(ROOT, 'test/fixtures/electronegativity'), electronVersion());
    expect(scan.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ check: 'CONTEXT_ISOLATION_JS_CHECK', severity: 'HIGH', file: 'insecure-window.js' }),
        expect.objectContaining({ check: 'WEB_SECURITY_JS_CHECK', severity: 'MEDIUM', file: 'insecure-window.js' }),
        expect.objectContaining({ check: 'SANDBOX_JS_CHECK', severity: 'MEDIUM', file: 'insecure-window.js' }),
      ]),
    );
    expect(gateProblems(scan, [])).toEqual(
      expect.arrayContaining([expect.stringMatching(/^HIGH CONTEXT_ISOLATION_JS_CHECK at insecure-window\.js:\d+: fix it/)]),
    );
  });

  const finding = (check: string, severity: Finding['severity'], file = 'main/index.ts'): Finding => ({
    check,
    severity,
    file,
    line: 7,
    reviewRequired: false,
  });
  const accepted = (check: string, severity: AcceptedFinding['severity'], reason: string, file = 'main/index.ts'): AcceptedFinding => ({
    check,
    severity,
    file,
    reason,
  });
  const clean: ScanResult = { findings: [], unreadable: [], inlineSuppressions: [] };

  it('passes what the table accepts, row for finding', () => {
    const scan = { ...clean, findings: [finding('LIMIT_NAVIGATION_JS_CHECK', 'INFORMATIONAL'), finding('SANDBOX_JS_CHECK', 'MEDIUM')] };
    expect(
      gateProblems(scan, [accepted('LIMIT_NAVIGATION_JS_CHECK', 'INFORMATIONAL', 'Reviewed.'), accepted('SANDBOX_JS_CHECK', 'MEDIUM', 'False positive: set.')]),
    ).toEqual([]);
  });

  it('refuses an informational finding the table does not list, and a second one where the table lists one', () => {
    const scan = {
      ...clean,
      findings: [finding('LIMIT_NAVIGATION_JS_CHECK', 'INFORMATIONAL'), finding('LIMIT_NAVIGATION_JS_CHECK', 'INFORMATIONAL', 'main/other.ts')],
    };
    expect(gateProblems(scan, [accepted('LIMIT_NAVIGATION_JS_CHECK', 'INFORMATIONAL', 'Reviewed.')])).toEqual([
      "INFORMATIONAL LIMIT_NAVIGATION_JS_CHECK at main/other.ts:7: not in SECURITY.md's accepted findings",
    ]);
  });

  it('refuses a row the scan no longer backs, or backs at another severity', () => {
    const scan = { ...clean, findings: [finding('CSP_GLOBAL_CHECK', 'MEDIUM')] };
    expect(gateProblems(scan, [accepted('CSP_GLOBAL_CHECK', 'LOW', 'Reviewed.')])).toEqual([
      'MEDIUM CSP_GLOBAL_CHECK at main/index.ts:7: fix it (or, if the scanner is wrong, list it in SECURITY.md as a false positive)',
      'SECURITY.md accepts LOW CSP_GLOBAL_CHECK in main/index.ts, which the scan no longer finds: remove the row',
    ]);
  });

  it('accepts a medium or high finding only as a false positive', () => {
    const scan = { ...clean, findings: [finding('OPEN_EXTERNAL_JS_CHECK', 'MEDIUM')] };
    expect(gateProblems(scan, [accepted('OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', 'We take the risk.')])).toEqual([
      'SECURITY.md accepts MEDIUM OPEN_EXTERNAL_JS_CHECK in main/index.ts as a risk: medium and high findings are fixed; only a false positive may stay',
    ]);
  });

  it('refuses files the scanner could not read, and findings hidden by eng-disable comments', () => {
    const scan = { ...clean, unreadable: [{ file: 'main/x.ts', message: 'Unexpected token' }], inlineSuppressions: ['main/index.ts:3'] };
    expect(gateProblems(scan, [])).toEqual([
      'main/x.ts could not be parsed, so it was not checked: Unexpected token',
      'main/index.ts:3 has an eng-disable comment, which hides findings from the report: list them in SECURITY.md instead',
    ]);
  });
});

describe('readAcceptedFindings', () => {
  it('reads one finding per row of the table under its heading', () => {
    const markdown = [
      '# Security',
      '## Electronegativity findings we accept',
      'Text before the table.',
      '',
      '| Check | Severity | Where | Why |',
      '|---|---|---|---|',
      '| `CSP_GLOBAL_CHECK` | low | `renderer/index.html` | Only our files are served. |',
      '',
      '## Next section',
      '| `NOT_THIS` | high | `x` | y |',
    ].join('\n');
    expect(readAcceptedFindings(markdown)).toEqual([
      { check: 'CSP_GLOBAL_CHECK', severity: 'LOW', file: 'renderer/index.html', reason: 'Only our files are served.' },
    ]);
  });

  it('refuses a page without the section, or a severity the scanner does not use', () => {
    expect(() => readAcceptedFindings('# Security\n')).toThrow(/no "## Electronegativity findings we accept" section/);
    expect(() => readAcceptedFindings('## Electronegativity findings we accept\n| a | b | c | d |\n|-|-|-|-|\n| `X` | severe | `f` | r |\n')).toThrow(
      /unknown severity "severe"/,
    );
  });
});
