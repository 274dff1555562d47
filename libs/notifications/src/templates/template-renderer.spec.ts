import { createHash } from 'node:crypto';
import { LANGUAGES, TRIGGERS } from '../domain/notification/notification-messages';
import { BUILT_IN_CATALOGUE } from './catalogue/built-in-catalogue';
import { SAMPLE_MODELS, sampleModelFor } from './sample-models';
import type { TemplateCatalogue, TemplateTranslation } from './template-catalogue';
import { TemplateRenderer, TemplateVersionConflict, renderMessage } from './template-renderer';

const read = (s: string): string => s.replace(/[\s\u00a0\u202f\u200f\u061c]+/g, ' ');

describe('every template in every language', () => {
  const renderer = new TemplateRenderer();

  for (const trigger of TRIGGERS) {
    for (const language of LANGUAGES) {
      it(`renders ${trigger} in ${language} with its sample model`, async () => {
        const model = sampleModelFor(trigger);
        const message = await renderer.render(trigger, language, model);
        const dir = language === 'ar' ? 'rtl' : 'ltr';

        expect(message).toMatchObject({ trigger, language, fallbackFrom: null });
        expect(message.templateVersion).toBe(BUILT_IN_CATALOGUE[trigger].version);
        expect(message.templateId).toBe(trigger);
        expect(message.subject.trim()).not.toBe('');
        expect(message.subject).not.toContain('\n');
        expect(message.html).toContain(`<html lang="${language}" dir="${dir}"`);
        expect(message.text).toContain(model.reference);
        expect(message.html).toContain(model.reference);
        expect(message.html).toContain(`href="${model.links.open}"`);
        expect(message.text).toContain(model.links.preferences);
        expect(message.text).toContain(model.links.unsubscribe as string);
        for (const part of [message.subject, message.html, message.text]) {
          expect(part).not.toContain('{{');
          expect(part).not.toContain('}}');
        }
      });
    }
  }

  it('has one template per trigger, each with an id and an integer version', () => {
    expect(Object.keys(BUILT_IN_CATALOGUE).sort()).toEqual([...TRIGGERS].sort());
    const ids = Object.values(BUILT_IN_CATALOGUE).map((entry) => entry.id);
    expect(new Set(ids).size).toBe(TRIGGERS.length);
    for (const entry of Object.values(BUILT_IN_CATALOGUE)) expect(Number.isInteger(entry.version)).toBe(true);
  });

  it('leaves the unsubscribe link out when there is none', async () => {
    const model = {
      ...SAMPLE_MODELS['grant-awarded'],
      links: { ...SAMPLE_MODELS['grant-awarded'].links, unsubscribe: null },
    };
    const message = await renderer.render('grant-awarded', 'fr', model);
    expect(message.html).not.toContain('Ne plus recevoir');
    expect(message.text).not.toContain('Ne plus recevoir');
    expect(message.text).toContain('Gérer vos préférences');
  });
});

describe('the facts, in the reader locale', () => {
  const renderer = new TemplateRenderer();

  it('tells a training session on its own clock, named, with its city and country or online', async () => {
    const paris = {
      ...SAMPLE_MODELS['enrolment-confirmed'],
      date: '2027-03-06T08:00:00.000Z',
      timezone: 'Europe/Paris',
      place: { mode: 'in-person' as const, city: 'Lyon', country: 'FR' },
    };
    const fr = read((await renderer.render('enrolment-confirmed', 'fr', paris)).text);
    expect(fr).toContain('6 mars 2027');
    expect(fr).toContain('09:00');
    expect(fr).toContain('heure normale d’Europe centrale');
    expect(fr).toContain('à Lyon (France)');
    const en = read((await renderer.render('enrolment-confirmed', 'en', paris)).text);
    expect(en).toContain('6 March 2027');
    expect(en).toContain('in Lyon (France)');
    const online = { ...paris, place: { mode: 'online' as const } };
    expect(read((await renderer.render('session-reminder', 'fr', online)).text)).toContain(', en ligne.');
    expect(read((await renderer.render('session-reminder', 'ar', online)).text)).toContain('عن بُعد');
  });

  it('gives a certificate’s page and its public verification page', async () => {
    const model = SAMPLE_MODELS['certificate-issued'];
    for (const language of LANGUAGES) {
      const message = await renderer.render('certificate-issued', language, model);
      expect(message.text).toContain(model.links.certificate as string);
      expect(message.html).toContain(`href="${model.links.verify}"`);
    }
  });

  it('writes the grant amount the Arabic, French and English way', async () => {
    const model = SAMPLE_MODELS['grant-awarded'];
    const [ar, fr, en] = await Promise.all(LANGUAGES.map((l) => renderer.render('grant-awarded', l, model)));
    expect(read(ar.text)).toContain('450.000,00 د.م.');
    expect(read(fr.text)).toContain('450.000,00 MAD');
    expect(read(en.text)).toContain('MAD 450,000.00');
    expect(read(fr.html)).toContain('450.000,00 MAD');
  });

  it('dates a decision taken at 23:30 UTC on the next day, as Casablanca (UTC+1) lives it', async () => {
    const model = { ...SAMPLE_MODELS['grant-awarded'], date: '2026-06-10T23:30:00Z' };
    expect((await renderer.render('grant-awarded', 'fr', model)).text).toContain(
      'par décision du 11 juin 2026',
    );
    expect((await renderer.render('grant-awarded', 'en', model)).text).toContain(
      'by decision of 11 June 2026',
    );
    expect(read((await renderer.render('grant-awarded', 'ar', model)).text)).toContain(
      'بتاريخ 11 يونيو 2026',
    );
  });

  it('tells a rejected applicant until when to appeal', async () => {
    // 10 July 2026 22:59 UTC is 23:59 in Casablanca.
    const model = SAMPLE_MODELS['application-rejected'];
    expect((await renderer.render('application-rejected', 'fr', model)).text).toContain(
      "former un recours contre cette décision jusqu'au 10 juillet 2026 à 23:59",
    );
    expect((await renderer.render('application-rejected', 'en', model)).html).toContain(
      'appeal against this decision until 10 July 2026 at 23:59',
    );
    expect(read((await renderer.render('application-rejected', 'ar', model)).text)).toContain(
      'في أجل أقصاه 10 يوليوز 2026 في 23:59',
    );
  });

  it('lists the failed eligibility rules in the reader language', async () => {
    const message = await renderer.render(
      'application-ineligible',
      'fr',
      SAMPLE_MODELS['application-ineligible'],
    );
    expect(message.text).toContain("- le pays d'accueil de l'association n'est pas couvert par l'appel");
    expect(message.html).toContain('<li>le cofinancement est inférieur au minimum requis</li>');
  });

  it('lists every entry of a digest', async () => {
    const model = SAMPLE_MODELS.digest;
    const message = await renderer.render('digest', 'en', model);
    for (const item of model.items ?? []) expect(message.text).toContain(`(${item.reference})`);
  });
});

describe('a missing translation', () => {
  const without = (catalogue: TemplateCatalogue, ...languages: ('ar' | 'fr' | 'en')[]): TemplateCatalogue => {
    const translations = { ...catalogue['grant-awarded'].translations };
    for (const language of languages) delete translations[language];
    return { ...catalogue, 'grant-awarded': { ...catalogue['grant-awarded'], translations } };
  };
  const model = SAMPLE_MODELS['grant-awarded'];

  it('falls back to French and records the language asked for', async () => {
    const message = await new TemplateRenderer().render(
      'grant-awarded',
      'ar',
      model,
      without(BUILT_IN_CATALOGUE, 'ar'),
    );
    expect(message).toMatchObject({ language: 'fr', fallbackFrom: 'ar' });
    expect(message.html).toContain('<html lang="fr" dir="ltr"');
    expect(message.subject).toBe('Subvention accordée, candidature APP-2026-0142');
  });

  it('falls back to English when French is missing too', async () => {
    const message = await new TemplateRenderer().render(
      'grant-awarded',
      'ar',
      model,
      without(BUILT_IN_CATALOGUE, 'ar', 'fr'),
    );
    expect(message).toMatchObject({ language: 'en', fallbackFrom: 'ar' });
  });

  it('falls back to Arabic last', async () => {
    const message = await new TemplateRenderer().render(
      'grant-awarded',
      'en',
      model,
      without(BUILT_IN_CATALOGUE, 'fr', 'en'),
    );
    expect(message).toMatchObject({ language: 'ar', fallbackFrom: 'en' });
    expect(message.html).toContain('dir="rtl"');
  });

  it('is refused when no language is left', async () => {
    await expect(
      new TemplateRenderer().render(
        'grant-awarded',
        'fr',
        model,
        without(BUILT_IN_CATALOGUE, 'ar', 'fr', 'en'),
      ),
    ).rejects.toThrow('no template for trigger grant-awarded');
  });
});

describe('what the recipient was told, provably', () => {
  const hostile = {
    ...SAMPLE_MODELS['grant-awarded'],
    organisationName: { fr: '<script>alert("x")</script> & Cie' },
  };

  it('escapes markup from the model in the HTML part, and keeps it readable in the text part', async () => {
    const message = await renderMessage('grant-awarded', 'fr', hostile);
    expect(message.html).not.toContain('<script>');
    expect(message.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Cie');
    expect(message.text).toContain('<script>alert("x")</script> & Cie');
    expect(message.text).not.toContain('&lt;');
  });

  it('hashes [subject, text, html], the same for the same input and not for another language', async () => {
    const model = SAMPLE_MODELS['tranche-released'];
    const first = await renderMessage('tranche-released', 'fr', model);
    const again = await new TemplateRenderer().render('tranche-released', 'fr', structuredClone(model));
    const arabic = await renderMessage('tranche-released', 'ar', model);
    const recomputed = createHash('sha256')
      .update(JSON.stringify([first.subject, first.text, first.html]))
      .digest('hex');

    expect(first.bodySha256).toBe(recomputed);
    expect(first.bodySha256).toMatch(/^[0-9a-f]{64}$/);
    expect(again).toEqual(first);
    expect(arabic.bodySha256).not.toBe(first.bodySha256);
  });
});

describe('compiling', () => {
  it('runs MJML once per template version and language, however many messages', async () => {
    const renderer = new TemplateRenderer();
    const model = SAMPLE_MODELS['agreement-signed'];
    await Promise.all(Array.from({ length: 100 }, () => renderer.render('agreement-signed', 'fr', model)));
    expect(renderer.mjmlCompilations).toBe(1);

    await renderer.render('agreement-signed', 'ar', model);
    const bumped = { ...BUILT_IN_CATALOGUE['agreement-signed'], version: 2 };
    await renderer.render('agreement-signed', 'fr', model, {
      ...BUILT_IN_CATALOGUE,
      'agreement-signed': bumped,
    });
    expect(renderer.mjmlCompilations).toBe(3);
  });

  it('refuses a new wording under a version already compiled', async () => {
    const renderer = new TemplateRenderer();
    const model = SAMPLE_MODELS['agreement-signed'];
    await renderer.render('agreement-signed', 'fr', model);
    const entry = BUILT_IN_CATALOGUE['agreement-signed'];
    const reworded = {
      ...entry,
      translations: {
        ...entry.translations,
        fr: { ...(entry.translations.fr as TemplateTranslation), subject: 'Autre objet {{reference}}' },
      },
    };
    await expect(
      renderer.render('agreement-signed', 'fr', model, {
        ...BUILT_IN_CATALOGUE,
        'agreement-signed': reworded,
      }),
    ).rejects.toThrow(TemplateVersionConflict);
  });

  it('renders a realistic message in well under 5 ms once warm', async () => {
    const renderer = new TemplateRenderer();
    const model = SAMPLE_MODELS['application-ineligible'];
    for (const language of LANGUAGES) await renderer.render('application-ineligible', language, model);

    const runs = 300;
    const started = process.hrtime.bigint();
    for (let i = 0; i < runs; i += 1)
      await renderer.render('application-ineligible', LANGUAGES[i % 3], model);
    const perMessageMs = Number(process.hrtime.bigint() - started) / 1e6 / runs;

    process.stdout.write(`template render after warm-up: ${perMessageMs.toFixed(3)} ms per message\n`);
    expect(perMessageMs).toBeLessThan(5);
  });
});
