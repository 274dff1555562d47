import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CURRENCY_CODES, SECTOR_CODES } from '@tadamon/reference-data';
import { parseXml } from '../rules/engine';
import { DEMO_ACTIVITIES } from '../testing/demo-activities';
import { writeIatiActivities } from '../write-activities';
import { validateCodelists } from './codelist-check';
import { EMBEDDED_CODELISTS } from './embedded';
import { CODELIST_MAPPINGS } from './mapping';
import { NON_EMBEDDED_CODELISTS } from './non-embedded';

const vendor = (file: string) =>
  readFileSync(join(__dirname, '..', '..', 'vendor', 'codelists', file), 'utf8');
const codesIn = (xml: string) => [...xml.matchAll(/<code>([^<]*)<\/code>/g)].map((m) => m[1]);

describe('codelists', () => {
  it.each(Object.keys(EMBEDDED_CODELISTS))(
    'holds the embedded %s codelist exactly as the vendored file',
    (name) => {
      expect([...EMBEDDED_CODELISTS[name]]).toEqual(codesIn(vendor(`${name}.xml`)));
    },
  );

  it('holds mapping.xml exactly', () => {
    const xml = vendor('mapping.xml');
    const mappings = [...xml.matchAll(/<mapping>([\s\S]*?)<\/mapping>/g)].map(([, body]) => {
      const condition = /<condition>([^<]*)<\/condition>/.exec(body)?.[1];
      return [
        /<path>([^<]*)<\/path>/.exec(body)?.[1],
        /<codelist ref="([^"]*)"/.exec(body)?.[1],
        ...(condition ? [condition.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')] : []),
      ];
    });
    expect(CODELIST_MAPPINGS.map((m) => [...m])).toEqual(mappings);
  });

  it('names in its non-embedded tables only codelists that mapping.xml uses', () => {
    const used = new Set(CODELIST_MAPPINGS.map(([, codelist]) => codelist));
    for (const name of Object.keys(NON_EMBEDDED_CODELISTS)) expect(used).toContain(name);
  });

  it("takes the currencies and DAC 5-digit sectors from the programme's reference data", () => {
    expect(NON_EMBEDDED_CODELISTS.Currency).toEqual(CURRENCY_CODES);
    expect(NON_EMBEDDED_CODELISTS.Sector).toEqual(SECTOR_CODES);
    for (const code of SECTOR_CODES) expect(code).toMatch(/^\d{5}$/);
  });

  describe('the check of an export', () => {
    const xml = [...writeIatiActivities(DEMO_ACTIVITIES, { generatedAt: '2026-07-01T08:00:00Z' })].join('');

    it('finds nothing in the demo export', () => {
      expect(validateCodelists(parseXml(xml))).toEqual([]);
    });

    it('catches a currency code that is not one, where the schema (xsd:string) cannot', () => {
      const findings = validateCodelists(
        parseXml(
          xml.replace(
            'currency="MAD" value-date="2025-04-15">1800000',
            'currency="MAX" value-date="2025-04-15">1800000',
          ),
        ),
      );
      expect(findings).toEqual([
        expect.objectContaining({
          ruleId: 'codelist:Currency',
          severity: 'error',
          activityIdentifier: DEMO_ACTIVITIES[0].identifier,
          path: '/iati-activities/iati-activity[1]/transaction[1]/value/@currency',
          detail: "'MAX'",
        }),
      ]);
    });

    it('applies a mapping only where its condition holds (DAC sector codes under vocabulary 1)', () => {
      const other = xml.replace('<sector vocabulary="1" code="31140"', '<sector vocabulary="2" code="311"');
      // vocabulary 2 is outside the programme's table; its codes are SectorCategory, a list not held
      expect(validateCodelists(parseXml(other)).map((f) => [f.ruleId, f.severity])).toEqual([
        ['codelist:SectorVocabulary', 'error'],
        ['codelist:SectorCategory', 'info'],
      ]);
      const wrong = xml.replace('<sector vocabulary="1" code="31140"', '<sector vocabulary="1" code="311"');
      expect(validateCodelists(parseXml(wrong)).map((f) => f.ruleId)).toEqual(['codelist:Sector']);
    });

    it('checks the version of the file', () => {
      expect(
        validateCodelists(parseXml(xml.replace('version="2.03"', 'version="2.3"'))).map((f) => f.ruleId),
      ).toEqual(['codelist:Version']);
    });
  });
});
