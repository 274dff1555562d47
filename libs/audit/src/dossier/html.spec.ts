import { EventStore } from '@tadamon/event-store';
import { RecordedEvent, StreamNotFound } from '@tadamon/eventsourcing';
import {
  budgetEnvelopeStreamName,
  callForProposalsStreamName,
  grantApplicationStreamName,
} from '@tadamon/funding';
import { formatMoneyIn } from '../replay/format';
import { MONEY_CHECKS } from '../replay/money-facts';
import { ApplicationLog, replayLog } from '../replay/replay';
import { StreamAsOf } from '../replay/application-log';
import { demoLogInMemory, demoStepsInMad, FUNDING_DEMO_IDS } from '../testing/funding-demo-log';
import { buildDossier, Dossier } from './dossier';
import { dossierHtml } from './dossier-html';
import { escapeHtml, html } from './html';
import { label, LABEL_KEYS, labelIn } from './labels';

const MD = FUNDING_DEMO_IDS.applications.migrationsEtDeveloppement;
const ENVELOPE = FUNDING_DEMO_IDS.envelopes.icmdPhase2Morocco;
const CALL = FUNDING_DEMO_IDS.calls.icmdPhase2Morocco;
const demo = demoLogInMemory(demoStepsInMad());

const streamOf = (streamId: string): StreamAsOf => {
  const all = demo.get(streamId) ?? [];
  return {
    streamId,
    all,
    asOf: all,
    proof: {
      streamId,
      events: all.length,
      firstHash: null,
      lastHash: null,
      ok: true,
      broken: null,
      eventsAsOf: all.length,
      lastHashAsOf: null,
    },
  };
};

/** The M&D dossier of the demo in MAD, built without a store (the log has no seal). */
async function demoDossier(): Promise<Dossier> {
  const log: ApplicationLog = {
    applicationId: MD,
    asOf: '2015-05-01T00:00:00.000Z',
    application: streamOf(grantApplicationStreamName(MD)),
    call: streamOf(callForProposalsStreamName(CALL)),
    envelopes: new Map([[ENVELOPE, streamOf(budgetEnvelopeStreamName(ENVELOPE))]]),
  };
  const noSeal = {
    readStream: async (streamId: string): Promise<RecordedEvent[]> => {
      throw new StreamNotFound(streamId);
    },
  } as unknown as EventStore;
  return buildDossier(noSeal, 'in memory', log, replayLog(log, false), {
    now: new Date('2026-01-01T00:00:00.000Z'),
  });
}

const NBSP = '\u00a0';

describe('html', () => {
  it('escapes every interpolated value, in text and in attributes', () => {
    const comment = '<script>alert("x")</script> & \'quoted\'';
    expect(html`<td title="${comment}">${comment}</td>`.text).toBe(
      '<td title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;</td>',
    );
    expect(escapeHtml('a<b>&"\'')).toBe('a&lt;b&gt;&amp;&quot;&#39;');
  });

  it('keeps its own fragments, joins arrays, and leaves null, undefined and false empty', () => {
    const items = ['<1>', '2'].map((item) => html`<li>${item}</li>`);
    // prettier-ignore
    const fragment = html`<ul>${items}</ul>${null}${undefined}${false}${0}`;
    expect(fragment.text).toBe('<ul><li>&lt;1&gt;</li><li>2</li></ul>0');
  });
});

describe('labels', () => {
  it('has every label in Arabic (in Arabic script), French and English', () => {
    for (const key of LABEL_KEYS) {
      for (const lang of ['ar', 'fr', 'en'] as const) {
        expect({ key, lang, found: labelIn(lang, key).lang }).toEqual({ key, lang, found: lang });
        expect(label(lang, key).trim()).not.toBe('');
      }
      expect({ key, ar: /[\u0600-\u06ff]/.test(label('ar', key)) }).toEqual({ key, ar: true });
    }
  });

  it('has a label for every money check, application status and event type the dossier can show', () => {
    const statuses = [
      'draft',
      'submitted',
      'eligible',
      'ineligible',
      'under-evaluation',
      'scored',
      'recommended',
      'not-recommended',
      'awarded',
      'rejected',
      'withdrawn',
    ];
    const wanted = [
      ...MONEY_CHECKS.map((c) => `money.${c}`),
      ...statuses.map((s) => `status.${s}`),
      ...[...demo.values()].flat().map((e) => `event.${e.type}`),
      'severity.error',
      'severity.note',
      'fallback',
    ];
    expect(wanted.filter((key) => !LABEL_KEYS.includes(key))).toEqual([]);
  });

  it('shows a key without an entry as itself, and says that no language has it', () => {
    expect(label('ar', 'no-such-label')).toBe('no-such-label');
    expect(labelIn('ar', 'no-such-label')).toEqual({ text: 'no-such-label', lang: null });
    expect(label('fr', 'decision')).toBe('Décision');
    expect(label('ar', 'decision')).toBe('القرار');
  });
});

describe('money in the dossier language', () => {
  it('formats MAD in fr-MA and ar-MA (Latin digits, the dirham sign), English as the report does', () => {
    const money = { amountMinor: 300_000_000, currency: 'MAD' };
    expect(formatMoneyIn(money, 'fr')).toBe(`3.000.000,00${NBSP}MAD`);
    expect(formatMoneyIn(money, 'ar')).toBe(`\u200f3.000.000,00${NBSP}د.م.\u200f`);
    expect(formatMoneyIn(money, 'en')).toBe('MAD 3,000,000.00');
    expect(formatMoneyIn({ amountMinor: 1234, currency: 'JPY' }, 'fr')).toMatch(/^1\.234\sJPY$/);
  });

  it('formats exactly, beyond what a double holds as a decimal', () => {
    expect(formatMoneyIn({ amountMinor: Number.MAX_SAFE_INTEGER, currency: 'MAD' }, 'fr')).toBe(
      `90.071.992.547.409,91${NBSP}MAD`,
    );
    expect(formatMoneyIn({ amountMinor: -5, currency: 'MAD' }, 'fr')).toBe(`-0,05${NBSP}MAD`);
  });

  it('shows a currency ICU does not know as code and number', () => {
    expect(formatMoneyIn({ amountMinor: 100, currency: 'XX1' }, 'ar')).toBe('XX1 1.00');
  });
});

describe('dossierHtml', () => {
  let dossier: Dossier;
  beforeAll(async () => {
    dossier = await demoDossier();
  });

  it('keeps every date and instant on one line: in an unbreakable element, never in a breakable one', () => {
    const page = dossierHtml(dossier, 'fr');
    expect(page).toMatch(/\.instant, \.money \{ white-space: nowrap; overflow-wrap: normal;/);
    const instants = [
      dossier.asOf,
      dossier.generatedAt,
      dossier.decision?.decidedAt,
      dossier.decision?.recordedAt,
      ...dossier.timeline.map((t) => t.recordedAt),
    ];
    for (const at of instants) expect(page).toContain(`<bdi dir="ltr" class="code instant">${at}</bdi>`);
    // An ISO date or instant outside an unbreakable element would wrap at its hyphens.
    const breakable = [...page.matchAll(/<bdi(?![^>]*instant)[^>]*>(\d{4}-\d{2}-\d{2}[^<]*)<\/bdi>/g)];
    expect(breakable.map((m) => m[0])).toEqual([]);
  });

  it.each([
    ['fr', `3.000.000,00${NBSP}MAD`],
    ['ar', `\u200f3.000.000,00${NBSP}د.م.\u200f`],
    ['en', 'MAD 3,000,000.00'],
  ] as const)('shows the award, the envelope and the timeline amounts in the %s format', (lang, award) => {
    const page = dossierHtml(dossier, lang);
    expect(page).toContain(award);
    if (lang !== 'en') expect(page).not.toMatch(/MAD [0-9]/);
    expect(page).not.toMatch(/[\u0660-\u0669]/);
    // The award, the commitment's timeline fact, the envelope's amount (MAD 6,000,000).
    expect(page.split(award).length - 1).toBeGreaterThanOrEqual(3);
    expect(page).toContain(lang === 'en' ? 'MAD 6,000,000.00' : '6.000.000,00');
  });

  it('has an Arabic title for every label of the Arabic dossier: nothing falls back', () => {
    const page = dossierHtml(dossier, 'ar');
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="ar" dir="rtl">/);
    expect(page).not.toContain('class="fallback"');
  });

  it('marks visibly a text shown in another language, and a label no language has', () => {
    const page = dossierHtml(
      {
        ...dossier,
        application: { ...dossier.application, title: { fr: 'Électrification de douars' } as never },
        timeline: [{ ...dossier.timeline[0], type: 'SomethingNew', facts: [] }],
      },
      'ar',
    );
    const mark = label('ar', 'fallback');
    expect(page).toMatch(
      new RegExp(
        `<span class="fallback" lang="fr" title="${mark}"\\s*><bdi>Électrification de douars</bdi></span\\s*><sup class="fallback-mark" title="${mark}">\\[FR\\]</sup>`,
      ),
    );
    expect(page).toMatch(
      /<bdi>SomethingNew<\/bdi><\/span\s*><sup class="fallback-mark" title="[^"]+">\[\?\]<\/sup>/,
    );
  });

  it("shows the award's recorded ranking and derogation, and says when an award recorded none", () => {
    const decision = dossier.decision as NonNullable<Dossier['decision']>;
    expect(decision.ranking).toEqual({ rank: 1, fundedSet: true });
    const old = dossierHtml({ ...dossier, decision: { ...decision, ranking: null, derogation: null } }, 'fr');
    expect(old).toMatch(/<th scope="row">Classement<\/th>\s*<td>non enregistré<\/td>/);
    const page = dossierHtml(
      {
        ...dossier,
        decision: {
          ...decision,
          ranking: { rank: 3, fundedSet: false },
          derogation: { reason: 'seul projet de la région', committeeMembers: ['c1', 'c2'] },
        },
      },
      'fr',
    );
    expect(page).toMatch(
      /Rang <bdi dir="ltr" class="code">3<\/bdi> · Dans la liste financée:\s*<span class="different">non<\/span>/,
    );
    expect(page).toMatch(
      /<th scope="row">Dérogation<\/th>\s*<td><bdi>seul projet de la région<\/bdi> \(<bdi dir="ltr" class="code">c1, c2<\/bdi>\)<\/td>/,
    );
  });

  it('shows every money finding in its section, and the verdict is not green on an error', () => {
    const forged: Dossier = {
      ...dossier,
      verdict: 'different',
      money: {
        checked: dossier.money.checked,
        findings: [
          {
            check: 'award-vs-commitment',
            severity: 'error',
            position: 40,
            eventId: 'e',
            type: 'GrantAwarded',
            recordedAt: '2014-11-03T09:01:00.000Z',
            field: 'amount',
            recorded: { amountMinor: 400_000_000, currency: 'MAD' },
            recomputed: { amountMinor: 300_000_000, currency: 'MAD' },
            note: 'the commitment on envelope x at position 39',
          },
        ],
      },
    };
    for (const lang of ['ar', 'fr', 'en'] as const) {
      const page = dossierHtml(forged, lang);
      expect(page).toContain(`<p class="verdict different">`);
      expect(page).toContain(label(lang, 'money.award-vs-commitment'));
      expect(page).toContain(`<span class="different">${label(lang, 'severity.error')}</span>`);
      expect(page).toContain(formatMoneyIn({ amountMinor: 400_000_000, currency: 'MAD' }, lang));
      expect(page).not.toContain(label(lang, 'moneyAllHold'));
    }
    expect(dossierHtml(dossier, 'fr')).toContain('<p class="same">Tous les faits financiers concordent</p>');
  });
});
