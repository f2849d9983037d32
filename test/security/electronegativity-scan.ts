import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { Module, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What ships: the main process with its preload, the renderer's code and its page. */
export const SHIPPED_SOURCES = ['main', 'renderer/src', 'renderer/index.html'] as const;

export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  check: string;
  severity: Severity;
  /** Relative to the scanned folder, so the repository's own path; `N/A` for an app-wide finding. */
  file: string;
  line: number;
  /** The scanner could not decide and asks a person to look. */
  reviewRequired: boolean;
}

export interface ScanResult {
  findings: Finding[];
  /** Files the scanner could not parse, and so did not check. */
  unreadable: Array<{ file: string; message: string }>;
  /** `eng-disable` comments, which hide findings from the report (file:line). */
  inlineSuppressions: string[];
}

// The scanner's own shape of an issue, as far as this module reads it.
interface RawIssue {
  id: string;
  severity: { name: string };
  file: string;
  location: { line: number };
  manualReview: boolean;
}
interface RawResult {
  issues: RawIssue[];
  errors: Array<{ file: string; message: string }>;
}
type Runner = (options: Record<string, unknown>) => Promise<RawResult>;

// This check downloads Electron's release notes to look for security fixes newer than ours: it
// cannot run offline, and dependency updates are not what this scan is for.
const NEEDS_NETWORK = ['availablesecurityfixesglobalcheck'];

/**
 * Copies the shipped sources into a fresh folder laid out like the repository, leaving out tests
 * (`*.test.ts(x)` and `tests/` folders): they build insecure windows and fake handlers on purpose.
 * The scanner takes one folder, and its app-wide checks (is there a CSP, a navigation guard, a
 * permission handler anywhere?) must see main and renderer together.
 */
export function stageShippedSources(root = ROOT): string {
  const stage = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  for (const source of SHIPPED_SOURCES) {
    cpSync(join(root, source), join(stage, source), { recursive: true, filter: (path) => !isTestCode(path) });
  }
  return stage;
}

function isTestCode(path: string): boolean {
  const name = basename(path);
  return name === 'tests' || /\.test\.tsx?$/.test(name);
}

/** Scans the shipped sources of the repository at `root`. */
export async function scanShippedSources(root = ROOT): Promise<ScanResult> {
  const stage = stageShippedSources(root);
  try {
    return await scanFolder(stage, electronVersion(root));
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** Runs electronegativity over `folder` with every check but the one that needs the network. */
export async function scanFolder(folder: string, electron: string): Promise<ScanResult> {
  const result = await loadOfflineRunner()({
    input: folder,
    isRelative: true,
    // Without it the scanner guesses Electron 0.1.0, whose unsafe defaults would be reported.
    electronVersionOverride: electron,
    excludeFromScan: NEEDS_NETWORK,
  });
  return {
    findings: result.issues.map((issue) => ({
      check: issue.id,
      severity: severityOf(issue.severity.name),
      file: issue.file,
      line: issue.location.line,
      reviewRequired: issue.manualReview,
    })),
    unreadable: result.errors.map(({ file, message }) => ({ file: relative(folder, file), message })),
    inlineSuppressions: inlineSuppressions(folder),
  };
}

function severityOf(name: string): Severity {
  const severity = SEVERITIES.find((known) => known === name);
  if (severity === undefined) throw new Error(`electronegativity reported an unknown severity: ${name}`);
  return severity;
}

function inlineSuppressions(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .flatMap((entry) => {
      const file = relative(folder, join(entry.parentPath, entry.name));
      return readFileSync(join(folder, file), 'utf8')
        .split('\n')
        .flatMap((text, index) => (text.includes('eng-disable') ? [`${file}:${index + 1}`] : []));
    });
}

/** The Electron the app is built with, pinned in package.json. */
export function electronVersion(root = ROOT): string {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> };
  const version = manifest.devDependencies?.['electron'] ?? '';
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`package.json must pin electron to one version, not "${version}"`);
  return version;
}

/**
 * electronegativity fetches fresh translations from the internet at every run, through `got`.
 * A security gate must not depend on a server (and machines of this project have no internet),
 * so while the scanner's modules load, `got` is one that answers like a server that is down; the
 * scanner then keeps its bundled English texts. The scanner keeps the `got` it loaded with, so the
 * real one is put back at once for anyone else in this process.
 */
function loadOfflineRunner(): Runner {
  const load = createRequire(import.meta.url);
  const entry = load.resolve('@doyensec/electronegativity');
  const gotPath = createRequire(entry).resolve('got');
  const previous = load.cache[gotPath];
  load.cache[gotPath] = Object.assign(new Module(gotPath), { filename: gotPath, loaded: true, exports: serverUnavailable });
  try {
    return load(entry) as Runner;
  } finally {
    if (previous === undefined) Reflect.deleteProperty(load.cache, gotPath);
    else load.cache[gotPath] = previous;
  }
}

const serverUnavailable = async () => ({ statusCode: 503, headers: {}, body: '' });
