import { createHash } from 'node:crypto';
import { LANGUAGES } from '../../domain/notification/notification-messages';
import { layoutMjml, layoutText } from '../message-layout';
import type { TemplateEntry } from '../template-catalogue';
import { BUILT_IN_CATALOGUE } from './built-in-catalogue';
import { WORDING_FINGERPRINTS } from './wording-fingerprints';

/** The whole wording of a template version: every language's subject and parts, in the layout. */
const fingerprint = (entry: TemplateEntry): string =>
  createHash('sha256')
    .update(
      JSON.stringify(
        LANGUAGES.map((language) => {
          const translation = entry.translations[language];
          return translation
            ? [
                language,
                translation.subject,
                layoutMjml(language, translation),
                layoutText(language, translation),
              ]
            : [language, null];
        }),
      ),
    )
    .digest('hex');

describe('template versions', () => {
  for (const entry of Object.values(BUILT_IN_CATALOGUE)) {
    it(`${entry.id}@${entry.version} has the wording recorded for that version`, () => {
      // Reworded? Bump the version and add `'<id>@<new version>': '<the value received>'` to wording-fingerprints.ts.
      expect(fingerprint(entry)).toBe(WORDING_FINGERPRINTS[`${entry.id}@${entry.version}`]);
    });
  }
});
