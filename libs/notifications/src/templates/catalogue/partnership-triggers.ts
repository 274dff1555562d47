import type { TemplateEntry } from '../template-catalogue';

// Partnerships' messages to a partner about its agreement and the money released under it.

export const TRANCHE_RELEASED: TemplateEntry = {
  id: 'tranche-released',
  version: 1,
  translations: {
    ar: {
      subject: 'صرف شطر من الدعم، الاتفاقية {{reference}}',
      html: '<p>نخبركم بأنه تم، بتاريخ {{date date}}، صرف شطر بمبلغ {{money amount}} لفائدة {{local organisationName}} برسم مشروع «{{local title}}».</p><p>يمكنكم الاطلاع على جدول الأداءات عبر الرابط أدناه.</p>',
      text: 'نخبركم بأنه تم، بتاريخ {{date date}}، صرف شطر بمبلغ {{money amount}} لفائدة {{local organisationName}} برسم مشروع «{{local title}}».\n\nيمكنكم الاطلاع على جدول الأداءات عبر الرابط أدناه.',
    },
    fr: {
      subject: "Versement d'une tranche, convention {{reference}}",
      html: "<p>Nous vous informons qu'une tranche de {{money amount}} a été versée le {{date date}} à {{local organisationName}} au titre du projet « {{local title}} ».</p><p>Le calendrier des versements est consultable par le lien ci-dessous.</p>",
      text: "Nous vous informons qu'une tranche de {{money amount}} a été versée le {{date date}} à {{local organisationName}} au titre du projet « {{local title}} ».\n\nLe calendrier des versements est consultable par le lien ci-dessous.",
    },
    en: {
      subject: 'Tranche released, agreement {{reference}}',
      html: '<p>We inform you that a tranche of {{money amount}} was released to {{local organisationName}} on {{date date}} for the project “{{local title}}”.</p><p>The payment schedule can be viewed through the link below.</p>',
      text: 'We inform you that a tranche of {{money amount}} was released to {{local organisationName}} on {{date date}} for the project “{{local title}}”.\n\nThe payment schedule can be viewed through the link below.',
    },
  },
};

export const AGREEMENT_SIGNED: TemplateEntry = {
  id: 'agreement-signed',
  version: 1,
  translations: {
    ar: {
      subject: 'توقيع الاتفاقية {{reference}}',
      html: '<p>نخبركم بأنه تم، بتاريخ {{date date}}، توقيع اتفاقية الشراكة بين الوزارة و{{local organisationName}} بشأن مشروع «{{local title}}»{{#if amount}}، بمبلغ إجمالي قدره {{money amount}}{{/if}}.</p><p>يمكنكم تحميل الاتفاقية الموقعة عبر الرابط أدناه.</p>',
      text: 'نخبركم بأنه تم، بتاريخ {{date date}}، توقيع اتفاقية الشراكة بين الوزارة و{{local organisationName}} بشأن مشروع «{{local title}}»{{#if amount}}، بمبلغ إجمالي قدره {{money amount}}{{/if}}.\n\nيمكنكم تحميل الاتفاقية الموقعة عبر الرابط أدناه.',
    },
    fr: {
      subject: 'Convention {{reference}} signée',
      html: '<p>Nous vous informons que la convention de partenariat entre le Ministère et {{local organisationName}} pour le projet « {{local title}} » a été signée le {{date date}}{{#if amount}}, pour un montant total de {{money amount}}{{/if}}.</p><p>La convention signée est téléchargeable par le lien ci-dessous.</p>',
      text: 'Nous vous informons que la convention de partenariat entre le Ministère et {{local organisationName}} pour le projet « {{local title}} » a été signée le {{date date}}{{#if amount}}, pour un montant total de {{money amount}}{{/if}}.\n\nLa convention signée est téléchargeable par le lien ci-dessous.',
    },
    en: {
      subject: 'Agreement {{reference}} signed',
      html: '<p>We inform you that the partnership agreement between the Ministry and {{local organisationName}} for the project “{{local title}}” was signed on {{date date}}{{#if amount}}, for a total amount of {{money amount}}{{/if}}.</p><p>The signed agreement can be downloaded through the link below.</p>',
      text: 'We inform you that the partnership agreement between the Ministry and {{local organisationName}} for the project “{{local title}}” was signed on {{date date}}{{#if amount}}, for a total amount of {{money amount}}{{/if}}.\n\nThe signed agreement can be downloaded through the link below.',
    },
  },
};

export const AGREEMENT_AMENDED: TemplateEntry = {
  id: 'agreement-amended',
  version: 1,
  translations: {
    ar: {
      subject: 'ملحق تعديلي للاتفاقية {{reference}}',
      html: '<p>نخبركم بأنه تم، بتاريخ {{date date}}، إبرام ملحق تعديلي لاتفاقية الشراكة مع {{local organisationName}} بشأن مشروع «{{local title}}»{{#if amount}}، وأصبح مبلغها {{money amount}}{{/if}}.</p><p>يمكنكم الاطلاع على النص المحيَّن عبر الرابط أدناه.</p>',
      text: 'نخبركم بأنه تم، بتاريخ {{date date}}، إبرام ملحق تعديلي لاتفاقية الشراكة مع {{local organisationName}} بشأن مشروع «{{local title}}»{{#if amount}}، وأصبح مبلغها {{money amount}}{{/if}}.\n\nيمكنكم الاطلاع على النص المحيَّن عبر الرابط أدناه.',
    },
    fr: {
      subject: 'Avenant à la convention {{reference}}',
      html: '<p>Nous vous informons que la convention de partenariat avec {{local organisationName}} pour le projet « {{local title}} » a été modifiée par avenant le {{date date}}{{#if amount}} ; son montant est désormais de {{money amount}}{{/if}}.</p><p>Le texte à jour est consultable par le lien ci-dessous.</p>',
      text: 'Nous vous informons que la convention de partenariat avec {{local organisationName}} pour le projet « {{local title}} » a été modifiée par avenant le {{date date}}{{#if amount}} ; son montant est désormais de {{money amount}}{{/if}}.\n\nLe texte à jour est consultable par le lien ci-dessous.',
    },
    en: {
      subject: 'Amendment to agreement {{reference}}',
      html: '<p>We inform you that the partnership agreement with {{local organisationName}} for the project “{{local title}}” was amended on {{date date}}{{#if amount}}; its amount is now {{money amount}}{{/if}}.</p><p>The updated text can be viewed through the link below.</p>',
      text: 'We inform you that the partnership agreement with {{local organisationName}} for the project “{{local title}}” was amended on {{date date}}{{#if amount}}; its amount is now {{money amount}}{{/if}}.\n\nThe updated text can be viewed through the link below.',
    },
  },
};
