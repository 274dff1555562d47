import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CURRENCY_CODES, SECTOR_CODES } from '@tadamon/reference-data';
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
});
