import type { TemplateEntry } from '../template-catalogue';

// Training's messages to a participant: enrolment, sessions, certificate. Times are Morocco's.

export const ENROLMENT_CONFIRMED: TemplateEntry = {
  id: 'enrolment-confirmed',
  version: 1,
  translations: {
    ar: {
      subject: 'تأكيد التسجيل في الدورة التكوينية «{{local title}}»',
      html: '<p>نؤكد تسجيلكم، باسم {{local organisationName}}، في الدورة التكوينية «{{local title}}».</p><p>ستنعقد الحصة الأولى يوم {{dateTime date}} (بتوقيت المغرب).</p>',
      text: 'نؤكد تسجيلكم، باسم {{local organisationName}}، في الدورة التكوينية «{{local title}}».\n\nستنعقد الحصة الأولى يوم {{dateTime date}} (بتوقيت المغرب).',
    },
    fr: {
      subject: 'Inscription confirmée à la formation « {{local title}} »',
      html: '<p>Votre inscription à la formation « {{local title}} », au titre de {{local organisationName}}, est confirmée.</p><p>La première séance aura lieu le {{dateTime date}} (heure du Maroc).</p>',
      text: 'Votre inscription à la formation « {{local title}} », au titre de {{local organisationName}}, est confirmée.\n\nLa première séance aura lieu le {{dateTime date}} (heure du Maroc).',
    },
    en: {
      subject: 'Enrolment confirmed in the course “{{local title}}”',
      html: '<p>Your enrolment in the course “{{local title}}”, on behalf of {{local organisationName}}, is confirmed.</p><p>The first session will take place on {{dateTime date}} (Morocco time).</p>',
      text: 'Your enrolment in the course “{{local title}}”, on behalf of {{local organisationName}}, is confirmed.\n\nThe first session will take place on {{dateTime date}} (Morocco time).',
    },
  },
};

export const SESSION_REMINDER: TemplateEntry = {
  id: 'session-reminder',
  version: 1,
  translations: {
    ar: {
      subject: 'تذكير: حصة {{date date}} من الدورة التكوينية «{{local title}}»',
      html: '<p>نذكّركم بأن حصة الدورة التكوينية «{{local title}}» ستنعقد يوم {{dateTime date}} (بتوقيت المغرب).</p><p>تجدون تفاصيل الحصة ورابط الالتحاق بها عبر الرابط أدناه.</p>',
      text: 'نذكّركم بأن حصة الدورة التكوينية «{{local title}}» ستنعقد يوم {{dateTime date}} (بتوقيت المغرب).\n\nتجدون تفاصيل الحصة ورابط الالتحاق بها عبر الرابط أدناه.',
    },
    fr: {
      subject: 'Rappel : séance du {{date date}}, formation « {{local title}} »',
      html: '<p>Nous vous rappelons que la séance de la formation « {{local title}} » aura lieu le {{dateTime date}} (heure du Maroc).</p><p>Les détails de la séance et le lien pour y participer sont accessibles ci-dessous.</p>',
      text: 'Nous vous rappelons que la séance de la formation « {{local title}} » aura lieu le {{dateTime date}} (heure du Maroc).\n\nLes détails de la séance et le lien pour y participer sont accessibles ci-dessous.',
    },
    en: {
      subject: 'Reminder: session of {{date date}}, course “{{local title}}”',
      html: '<p>This is a reminder that the session of the course “{{local title}}” will take place on {{dateTime date}} (Morocco time).</p><p>The session details and the link to join it are available below.</p>',
      text: 'This is a reminder that the session of the course “{{local title}}” will take place on {{dateTime date}} (Morocco time).\n\nThe session details and the link to join it are available below.',
    },
  },
};

export const CERTIFICATE_ISSUED: TemplateEntry = {
  id: 'certificate-issued',
  version: 1,
  translations: {
    ar: {
      subject: 'شهادة الدورة التكوينية «{{local title}}»',
      html: '<p>يسرّنا إخباركم بأنه تم، بتاريخ {{date date}}، إصدار شهادتكم الخاصة بالدورة التكوينية «{{local title}}».</p><p>يمكنكم تحميلها عبر الرابط أدناه.</p>',
      text: 'يسرّنا إخباركم بأنه تم، بتاريخ {{date date}}، إصدار شهادتكم الخاصة بالدورة التكوينية «{{local title}}».\n\nيمكنكم تحميلها عبر الرابط أدناه.',
    },
    fr: {
      subject: 'Attestation de la formation « {{local title}} »',
      html: '<p>Nous avons le plaisir de vous informer que votre attestation de la formation « {{local title}} » a été délivrée le {{date date}}.</p><p>Elle est téléchargeable par le lien ci-dessous.</p>',
      text: 'Nous avons le plaisir de vous informer que votre attestation de la formation « {{local title}} » a été délivrée le {{date date}}.\n\nElle est téléchargeable par le lien ci-dessous.',
    },
    en: {
      subject: 'Certificate for the course “{{local title}}”',
      html: '<p>We are pleased to inform you that your certificate for the course “{{local title}}” was issued on {{date date}}.</p><p>It can be downloaded through the link below.</p>',
      text: 'We are pleased to inform you that your certificate for the course “{{local title}}” was issued on {{date date}}.\n\nIt can be downloaded through the link below.',
    },
  },
};
