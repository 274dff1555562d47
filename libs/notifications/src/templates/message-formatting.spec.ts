import Handlebars from 'handlebars';
import { formatAmount, formatDate, localText, messageHandlebars } from './message-formatting';
import { reasonLabel } from './reason-labels';

// ICU puts no-break spaces and right-to-left marks in formatted values: compare what is read.
const read = (s: string): string => s.replace(/[\s\u00a0\u202f\u200f\u061c]+/g, ' ').trim();

describe('money in the reader locale', () => {
  const grant = { amountMinor: 45_000_050, currency: 'MAD' };

  it('writes the same amount the Moroccan Arabic, Moroccan French and English way', () => {
    expect(read(formatAmount(grant, 'ar'))).toBe('450.000,50 د.م.');
    expect(read(formatAmount(grant, 'fr'))).toBe('450.000,50 MAD');
    expect(read(formatAmount(grant, 'en'))).toBe('MAD 450,000.50');
  });

  it("turns minor units into major ones with the currency's own fraction digits", () => {
    expect(read(formatAmount({ amountMinor: 1_250_000, currency: 'USD' }, 'en'))).toBe('$12,500.00');
    expect(read(formatAmount({ amountMinor: 12_500, currency: 'JPY' }, 'en'))).toBe('JP¥12,500');
    expect(read(formatAmount({ amountMinor: 12_345, currency: 'KWD' }, 'en'))).toBe('KWD 12.345');
  });
});

describe('dates on the clock of Casablanca', () => {
  // 10 June 2026, 23:30 UTC: outside Ramadan Casablanca is UTC+1, so it is already the 11th there.
  const lateEvening = '2026-06-10T23:30:00Z';

  it('gives the next day when UTC is still on the previous one', () => {
    expect(formatDate(lateEvening, 'fr')).toBe('11 juin 2026');
    expect(formatDate(lateEvening, 'en')).toBe('11 June 2026');
    expect(read(formatDate(lateEvening, 'ar'))).toBe('11 يونيو 2026');
  });

  it('shows the local hour with the time', () => {
    expect(formatDate(lateEvening, 'fr', true)).toBe('11 juin 2026 à 00:30');
    expect(formatDate(lateEvening, 'en', true)).toBe('11 June 2026 at 00:30');
  });

  it('follows the Ramadan offset (UTC+0) when it applies', () => {
    expect(formatDate('2026-03-01T23:30:00Z', 'fr', true)).toBe('1 mars 2026 à 23:30');
  });
});

describe('localized text', () => {
  it("picks the reader's language, else French, English, Arabic", () => {
    const names = { ar: 'جمعية الهجرة والتنمية', fr: 'Migrations et Développement' };
    expect(localText(names, 'ar')).toBe('جمعية الهجرة والتنمية');
    expect(localText(names, 'en')).toBe('Migrations et Développement');
    expect(localText({ en: 'Only English' }, 'ar')).toBe('Only English');
    expect(localText({ ar: 'بالعربية فقط' }, 'fr')).toBe('بالعربية فقط');
  });
});

describe('reason labels', () => {
  it('names an eligibility rule and an OECD sector in the reader language, and keeps an unknown code', () => {
    expect(reasonLabel('max-amount', 'fr')).toBe("le montant demandé dépasse le plafond de l'appel");
    expect(reasonLabel('14030', 'ar')).not.toBe('14030');
    expect(reasonLabel('14030', 'en')).toMatch(/water/i);
    expect(reasonLabel('no-such-rule', 'en')).toBe('no-such-rule');
  });
});

describe('the Handlebars instance of messages', () => {
  it('has the helpers, and the global instance does not', () => {
    const hbs = messageHandlebars();
    const out = hbs.compile('{{money amount}} {{date at}} {{local name}} {{reason code}}')(
      {
        amount: { amountMinor: 100, currency: 'EUR' },
        at: '2026-06-10T12:00:00Z',
        name: { fr: 'A' },
        code: 'sector',
      },
      { data: { language: 'en' } },
    );
    expect(out).toBe('€1.00 10 June 2026 A the project&#x27;s sector is not covered by the call');
    expect(Handlebars.helpers['money']).toBeUndefined();
  });

  it('renders a missing value as nothing', () => {
    const out = messageHandlebars().compile('[{{money amount}}|{{date at}}|{{local name}}]')(
      { amount: null },
      { data: { language: 'fr' } },
    );
    expect(out).toBe('[||]');
  });
});
