import type { Trigger } from '../domain/notification/notification-messages';
import type { MessageModel } from './rendered-message';

// Demo data for previews through the API: what a real message of each trigger would carry.

const ORGANISATION = { ar: 'جمعية الهجرة والتنمية', fr: 'Migrations et Développement' };
const CALL = {
  ar: 'طلب المشاريع 2026: الماء والتنمية القروية في أقاليم الأصل',
  fr: "Appel à projets 2026 : eau et développement rural dans les provinces d'origine",
  en: '2026 call for proposals: water and rural development in the home provinces',
};
const PROJECT = {
  ar: 'تزويد دواوير تالوين بالماء الصالح للشرب',
  fr: "Adduction d'eau potable des douars de Taliouine",
  en: 'Drinking water supply for the villages of Taliouine',
};
const COURSE = {
  ar: 'تدبير المشاريع الجمعوية',
  fr: 'Gestion de projets associatifs',
  en: 'Managing association projects',
};
const NEED = {
  ar: 'تأهيل المدرسة الجماعاتية بأسكاون',
  fr: "Réhabilitation de l'école communautaire d'Askaoun",
  en: 'Rehabilitation of the community school of Askaoun',
};

const model = (reference: string, facts: Partial<MessageModel>): MessageModel => ({
  recipientName: 'Fatima Zahra El Idrissi',
  organisationName: ORGANISATION,
  reference,
  links: {
    open: `https://tadamon.example/dossiers/${reference}`,
    preferences: 'https://tadamon.example/preferences',
    unsubscribe: 'https://tadamon.example/unsubscribe/demo-token',
  },
  ...facts,
});

export const SAMPLE_MODELS: Readonly<Record<Trigger, MessageModel>> = {
  'application-received': model('APP-2026-0142', { title: CALL, date: '2026-04-14T09:12:00Z' }),
  'application-eligible': model('APP-2026-0142', { title: CALL, date: '2026-04-28T14:30:00Z' }),
  'application-ineligible': model('APP-2026-0157', {
    title: CALL,
    date: '2026-04-28T14:30:00Z',
    reasons: ['host-country', 'co-financing'],
    deadline: '2026-05-12T22:59:00Z',
  }),
  'grant-awarded': model('APP-2026-0142', {
    title: PROJECT,
    amount: { amountMinor: 45_000_000, currency: 'MAD' },
    date: '2026-06-10T11:00:00Z',
  }),
  'application-rejected': model('APP-2026-0163', {
    title: PROJECT,
    date: '2026-06-10T11:00:00Z',
    deadline: '2026-07-10T22:59:00Z',
  }),
  'tranche-released': model('AGR-2026-0031', {
    title: PROJECT,
    amount: { amountMinor: 1_250_000, currency: 'USD' },
    date: '2026-09-15T08:00:00Z',
  }),
  'agreement-signed': model('AGR-2026-0031', {
    title: PROJECT,
    amount: { amountMinor: 45_000_000, currency: 'MAD' },
    date: '2026-07-02T10:00:00Z',
  }),
  'agreement-amended': model('AGR-2026-0031', {
    title: PROJECT,
    amount: { amountMinor: 52_500_000, currency: 'MAD' },
    date: '2026-10-20T10:00:00Z',
  }),
  'enrolment-confirmed': model('TRN-2026-0007', {
    title: COURSE,
    date: '2026-11-03T09:00:00Z',
    timezone: 'Africa/Casablanca',
    place: { mode: 'in-person', city: 'Agadir', country: 'MA' },
  }),
  'session-reminder': model('TRN-2026-0007', {
    title: COURSE,
    date: '2026-11-10T09:00:00Z',
    timezone: 'Africa/Casablanca',
    place: { mode: 'online' },
  }),
  'certificate-issued': model('CRT-2026-0042', {
    title: COURSE,
    date: '2026-12-01T15:00:00Z',
    links: {
      open: 'https://tadamon.example/notifications/ntf-demo',
      preferences: 'https://tadamon.example/preferences',
      unsubscribe: 'https://tadamon.example/unsubscribe/demo-token',
      certificate: 'https://tadamon.example/training/certificates/CRT-2026-0042',
      verify: 'https://tadamon.example/verify/CRT-2026-0042',
    },
  }),
  'call-matching': model('CFP-2026-0004', {
    title: CALL,
    reasons: ['14030', '31120'],
    amount: { amountMinor: 50_000_000, currency: 'MAD' },
    deadline: '2026-05-31T22:59:00Z',
  }),
  'need-matching': model('NEED-2026-0219', {
    title: NEED,
    reasons: ['11120'],
    date: '2026-05-06T12:00:00Z',
  }),
  digest: model('DIGEST-2026-05-18', {
    date: '2026-05-18T06:00:00Z',
    items: [
      { title: CALL, reference: 'CFP-2026-0004', date: '2026-05-15T09:00:00Z' },
      { title: NEED, reference: 'NEED-2026-0219', date: '2026-05-16T12:00:00Z' },
      { title: PROJECT, reference: 'APP-2026-0142', date: '2026-05-17T16:45:00Z' },
    ],
  }),
};

export const sampleModelFor = (trigger: Trigger): MessageModel => SAMPLE_MODELS[trigger];
