// `npm run scan:electron`: electronegativity over the shipped sources, judged against SECURITY.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gateProblems, readAcceptedFindings } from './electronegativity-gate';
import { ROOT, scanShippedSources } from './electronegativity-scan';

const scan = await scanShippedSources();
for (const finding of scan.findings) {
  console.log(`${finding.severity.padEnd(13)} ${finding.check} ${finding.file}:${finding.line}${finding.reviewRequired ? ' (review required)' : ''}`);
}
const problems = gateProblems(scan, readAcceptedFindings(readFileSync(join(ROOT, 'SECURITY.md'), 'utf8')));
for (const problem of problems) console.error(`refused: ${problem}`);
console.log(problems.length === 0 ? `${scan.findings.length} findings, each accepted in SECURITY.md` : `${problems.length} problems`);
process.exitCode = problems.length === 0 ? 0 : 1;
