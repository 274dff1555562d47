import { IatiActivity } from './activity';
import { checkCodelists } from './codelists/codelist-check';
import { checkInputConstraints } from './input-constraints';
import { Finding, rulesEngine, RulesOptions } from './rules/engine';
import { activityXml, IATI_VERSION } from './write-activities';
import { parseLightXml, XmlElement } from './xml/light-dom';

/**
 * Everything that would keep one project out of the IATI file, in milliseconds: the schema's
 * constraints on its values, the validator's rules and the codelists, on the activity exactly as
 * the export writes it. Run on every save; the findings carry the rules' ids.
 */
export function validateActivity(activity: IatiActivity, options: RulesOptions = {}): Finding[] {
  const findings = checkInputConstraints(activity);
  if (findings.length > 0) return findings; // the XML of such values would mislead the rules
  const document = parseLightXml(
    `<iati-activities version="${IATI_VERSION}">${activityXml(activity)}</iati-activities>`,
  );
  findings.push(...rulesEngine().check(document, options));
  checkCodelists(document.documentElement?.firstChild as XmlElement, activity.identifier, findings);
  return findings;
}
