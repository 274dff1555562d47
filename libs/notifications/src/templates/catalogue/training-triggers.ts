import type { TemplateEntry } from '../template-catalogue';

// Training's messages to a participant: enrolment, sessions, certificate. A session's dates are told
// on its own clock (its IANA zone, named), in the reader's locale; its place is a city or "online".

const WHERE = {
  ar: '{{#if place.city}}بمدينة {{place.city}} ({{country place.country}}){{else}}عن بُعد{{/if}}',
  fr: '{{#if place.city}}à {{place.city}} ({{country place.country}}){{else}}en ligne{{/if}}',
  en: '{{#if place.city}}in {{place.city}} ({{country place.country}}){{else}}online{{/if}}',
};

export const ENROLMENT_CONFIRMED: TemplateEntry = {
  id: 'enrolment-confirmed',
  version: 2,
  translations: {
    ar: {
      subject: 'تأكيد التسجيل في الدورة التكوينية «{{local title}}»',
      html: `<p>نؤكد تسجيلكم، باسم {{local organisationName}}، في الدورة التكوينية «{{local title}}».</p><p>ستنعقد الحصة الأولى يوم {{dateTimeIn date timezone}}، ${WHERE.ar}.</p>`,
      text: `نؤكد تسجيلكم، باسم {{local organisationName}}، في الدورة التكوينية «{{local title}}».\n\nستنعقد الحصة الأولى يوم {{dateTimeIn date timezone}}، ${WHERE.ar}.`,
    },
    fr: {
      subject: 'Inscription confirmée à la formation « {{local title}} »',
      html: `<p>Votre inscription à la formation « {{local title}} », au titre de {{local organisationName}}, est confirmée.</p><p>La première séance aura lieu le {{dateTimeIn date timezone}}, ${WHERE.fr}.</p>`,
      text: `Votre inscription à la formation « {{local title}} », au titre de {{local organisationName}}, est confirmée.\n\nLa première séance aura lieu le {{dateTimeIn date timezone}}, ${WHERE.fr}.`,
    },
    en: {
      subject: 'Enrolment confirmed in the course “{{local title}}”',
      html: `<p>Your enrolment in the course “{{local title}}”, on behalf of {{local organisationName}}, is confirmed.</p><p>The first session will take place on {{dateTimeIn date timezone}}, ${WHERE.en}.</p>`,
      text: `Your enrolment in the course “{{local title}}”, on behalf of {{local organisationName}}, is confirmed.\n\nThe first session will take place on {{dateTimeIn date timezone}}, ${WHERE.en}.`,
    },
  },
};

export const SESSION_REMINDER: TemplateEntry = {
  id: 'session-reminder',
  version: 2,
  translations: {
    ar: {
      subject: 'تذكير: الدورة التكوينية «{{local title}}» تبدأ غدًا',
      html: `<p>نذكّركم بأن الحصة الأولى من الدورة التكوينية «{{local title}}» ستنعقد يوم {{dateTimeIn date timezone}}، ${WHERE.ar}.</p><p>تجدون تفاصيل الحصة عبر الرابط أدناه.</p>`,
      text: `نذكّركم بأن الحصة الأولى من الدورة التكوينية «{{local title}}» ستنعقد يوم {{dateTimeIn date timezone}}، ${WHERE.ar}.\n\nتجدون تفاصيل الحصة عبر الرابط أدناه.`,
    },
    fr: {
      subject: 'Rappel : la formation « {{local title}} » commence demain',
      html: `<p>Nous vous rappelons que la première séance de la formation « {{local title}} » aura lieu le {{dateTimeIn date timezone}}, ${WHERE.fr}.</p><p>Les détails de la séance sont accessibles par le lien ci-dessous.</p>`,
      text: `Nous vous rappelons que la première séance de la formation « {{local title}} » aura lieu le {{dateTimeIn date timezone}}, ${WHERE.fr}.\n\nLes détails de la séance sont accessibles par le lien ci-dessous.`,
    },
    en: {
      subject: 'Reminder: the course “{{local title}}” starts tomorrow',
      html: `<p>This is a reminder that the first session of the course “{{local title}}” will take place on {{dateTimeIn date timezone}}, ${WHERE.en}.</p><p>The session details are available through the link below.</p>`,
      text: `This is a reminder that the first session of the course “{{local title}}” will take place on {{dateTimeIn date timezone}}, ${WHERE.en}.\n\nThe session details are available through the link below.`,
    },
  },
};

export const CERTIFICATE_ISSUED: TemplateEntry = {
  id: 'certificate-issued',
  version: 2,
  translations: {
    ar: {
      subject: 'شهادة الدورة التكوينية «{{local title}}»',
      html: '<p>يسرّنا إخباركم بأنه تم، بتاريخ {{date date}}، إصدار شهادتكم الخاصة بالدورة التكوينية «{{local title}}».</p><p>شهادتكم: <a href="{{links.certificate}}">{{links.certificate}}</a></p><p>صفحة التحقق العمومية (لمن تقدّمون له الشهادة): <a href="{{links.verify}}">{{links.verify}}</a></p>',
      text: 'يسرّنا إخباركم بأنه تم، بتاريخ {{date date}}، إصدار شهادتكم الخاصة بالدورة التكوينية «{{local title}}».\n\nشهادتكم: {{links.certificate}}\n\nصفحة التحقق العمومية (لمن تقدّمون له الشهادة): {{links.verify}}',
    },
    fr: {
      subject: 'Attestation de la formation « {{local title}} »',
      html: '<p>Nous avons le plaisir de vous informer que votre attestation de la formation « {{local title}} » a été délivrée le {{date date}}.</p><p>Votre attestation : <a href="{{links.certificate}}">{{links.certificate}}</a></p><p>Sa page de vérification publique (pour qui la reçoit) : <a href="{{links.verify}}">{{links.verify}}</a></p>',
      text: 'Nous avons le plaisir de vous informer que votre attestation de la formation « {{local title}} » a été délivrée le {{date date}}.\n\nVotre attestation : {{links.certificate}}\n\nSa page de vérification publique (pour qui la reçoit) : {{links.verify}}',
    },
    en: {
      subject: 'Certificate for the course “{{local title}}”',
      html: '<p>We are pleased to inform you that your certificate for the course “{{local title}}” was issued on {{date date}}.</p><p>Your certificate: <a href="{{links.certificate}}">{{links.certificate}}</a></p><p>Its public verification page (for whoever you show it to): <a href="{{links.verify}}">{{links.verify}}</a></p>',
      text: 'We are pleased to inform you that your certificate for the course “{{local title}}” was issued on {{date date}}.\n\nYour certificate: {{links.certificate}}\n\nIts public verification page (for whoever you show it to): {{links.verify}}',
    },
  },
};
