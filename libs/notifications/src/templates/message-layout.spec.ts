import mjml2html from 'mjml';
import { LANGUAGES, Language, TRIGGERS, Trigger } from '../domain/notification/notification-messages';
import { BUILT_IN_CATALOGUE } from './catalogue/built-in-catalogue';
import { layoutMjml } from './message-layout';
import type { TemplateTranslation } from './template-catalogue';

const translationOf = (trigger: Trigger, language: Language): TemplateTranslation => {
  const translation = BUILT_IN_CATALOGUE[trigger].translations[language];
  if (!translation) throw new Error(`${trigger} has no ${language} translation`);
  return translation;
};

const mustaches = (source: string): string[] => [...new Set(source.match(/\{\{[^}]*\}\}/g) ?? [])];

describe('the MJML layout', () => {
  for (const trigger of TRIGGERS) {
    it(`compiles ${trigger} in every language under strict validation, its placeholders intact`, async () => {
      for (const language of LANGUAGES) {
        const source = layoutMjml(language, translationOf(trigger, language));
        const { html, errors } = await mjml2html(source, { validationLevel: 'strict' });

        expect(errors).toEqual([]);
        const placeholders = mustaches(source);
        expect(placeholders).toEqual(expect.arrayContaining(['{{links.open}}', '{{links.preferences}}']));
        for (const placeholder of placeholders) expect(html).toContain(placeholder);
      }
    });
  }

  it('sets the language, the direction and the alignment of Arabic before MJML runs', () => {
    const source = layoutMjml('ar', translationOf('grant-awarded', 'ar'));
    expect(source).toContain('<mjml lang="ar" dir="rtl">');
    expect(source).toContain('<mj-text align="right"');
    expect(layoutMjml('en', translationOf('grant-awarded', 'en'))).toContain('<mjml lang="en" dir="ltr">');
  });
});
