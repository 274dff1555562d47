import { parseXml, validateAgainstRules, validateAgainstSchema, validateCodelists } from '@tadamon/iati';
import { existsSync, readFileSync, statSync } from 'node:fs';

export interface FileVerdict {
  activities: number;
  schemaErrors: number;
  ruleErrors: number;
  warnings: number;
}

/**
 * `npm run iati -- validate FILE`: any IATI 2.03 activities file (the platform's, fetched from
 * GET /api/partnerships/iati/activities.xml, or anyone's) against the XSD, the validator's rules
 * and the codelists. The verdict goes to stdout, the first findings to stderr.
 */
export async function validateIatiFile(
  file: string,
  out: (line: string) => void,
  log: (line: string) => void,
): Promise<number> {
  if (!existsSync(file) || !statSync(file).isFile()) {
    log(`no file at ${file}`);
    return 1;
  }
  const xml = readFileSync(file, 'utf8');
  const schemaErrors = await validateAgainstSchema(xml);
  let document: ReturnType<typeof parseXml>;
  try {
    document = parseXml(xml);
  } catch (error) {
    log(`${file} is not well-formed XML: ${(error as Error).message}`);
    return 1;
  }
  const findings = [...validateAgainstRules(document), ...validateCodelists(document)];
  const errors = findings.filter((f) => f.severity === 'error');
  const verdict: FileVerdict = {
    activities: document.getElementsByTagName('iati-activity').length,
    schemaErrors: schemaErrors.length,
    ruleErrors: errors.length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
  for (const e of schemaErrors.slice(0, 20)) log(`  XSD line ${e.line ?? '?'}: ${e.message.trim()}`);
  for (const f of errors.slice(0, 20))
    log(`  rule ${f.ruleId} ${f.activityIdentifier}: ${f.message} (${f.detail})`);
  const valid = verdict.schemaErrors === 0 && verdict.ruleErrors === 0;
  out(
    `${valid ? 'VALID' : 'INVALID'}: ${verdict.activities} activities, ${verdict.schemaErrors} XSD errors, ` +
      `${verdict.ruleErrors} rule errors, ${verdict.warnings} warnings`,
  );
  return valid ? 0 : 1;
}
