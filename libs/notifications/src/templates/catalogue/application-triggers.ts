import type { TemplateEntry } from '../template-catalogue';

// Funding's messages to an applicant, from receipt to decision.

export const APPLICATION_RECEIVED: TemplateEntry = {
  id: 'application-received',
  version: 1,
  translations: {
    ar: {
      subject: 'تم استلام ترشيحكم {{reference}}',
      html: '<p>نؤكد لكم استلام ترشيح {{local organisationName}} في إطار طلب المشاريع «{{local title}}» بتاريخ {{date date}}.</p><p>سيتم فحص الترشيح، وسنخبركم بكل مرحلة من مراحل معالجته.</p>',
      text: 'نؤكد لكم استلام ترشيح {{local organisationName}} في إطار طلب المشاريع «{{local title}}» بتاريخ {{date date}}.\n\nسيتم فحص الترشيح، وسنخبركم بكل مرحلة من مراحل معالجته.',
    },
    fr: {
      subject: 'Candidature {{reference}} reçue',
      html: "<p>Nous accusons réception de la candidature de {{local organisationName}} à l'appel à projets « {{local title}} », déposée le {{date date}}.</p><p>Elle va être examinée ; vous serez informé de chaque étape de son traitement.</p>",
      text: "Nous accusons réception de la candidature de {{local organisationName}} à l'appel à projets « {{local title}} », déposée le {{date date}}.\n\nElle va être examinée ; vous serez informé de chaque étape de son traitement.",
    },
    en: {
      subject: 'Application {{reference}} received',
      html: '<p>We acknowledge receipt of the application of {{local organisationName}} to the call for proposals “{{local title}}”, submitted on {{date date}}.</p><p>It will now be reviewed; you will be informed of each step.</p>',
      text: 'We acknowledge receipt of the application of {{local organisationName}} to the call for proposals “{{local title}}”, submitted on {{date date}}.\n\nIt will now be reviewed; you will be informed of each step.',
    },
  },
};

export const APPLICATION_ELIGIBLE: TemplateEntry = {
  id: 'application-eligible',
  version: 1,
  translations: {
    ar: {
      subject: 'ترشيحكم {{reference}} مستوفٍ لشروط الأهلية',
      html: '<p>نخبركم بأن ترشيح {{local organisationName}} في إطار طلب المشاريع «{{local title}}» قد استوفى شروط الأهلية بتاريخ {{date date}}.</p><p>سينتقل الترشيح الآن إلى مرحلة التقييم.</p>',
      text: 'نخبركم بأن ترشيح {{local organisationName}} في إطار طلب المشاريع «{{local title}}» قد استوفى شروط الأهلية بتاريخ {{date date}}.\n\nسينتقل الترشيح الآن إلى مرحلة التقييم.',
    },
    fr: {
      subject: 'Candidature {{reference}} recevable',
      html: "<p>La candidature de {{local organisationName}} à l'appel à projets « {{local title}} » remplit les critères d'éligibilité (examen du {{date date}}).</p><p>Elle passe maintenant à l'évaluation.</p>",
      text: "La candidature de {{local organisationName}} à l'appel à projets « {{local title}} » remplit les critères d'éligibilité (examen du {{date date}}).\n\nElle passe maintenant à l'évaluation.",
    },
    en: {
      subject: 'Application {{reference}} is eligible',
      html: '<p>The application of {{local organisationName}} to the call for proposals “{{local title}}” meets the eligibility criteria (screened on {{date date}}).</p><p>It now moves on to evaluation.</p>',
      text: 'The application of {{local organisationName}} to the call for proposals “{{local title}}” meets the eligibility criteria (screened on {{date date}}).\n\nIt now moves on to evaluation.',
    },
  },
};

export const APPLICATION_INELIGIBLE: TemplateEntry = {
  id: 'application-ineligible',
  version: 1,
  translations: {
    ar: {
      subject: 'ترشيحكم {{reference}} غير مستوفٍ لشروط الأهلية',
      html: '<p>نأسف لإخباركم بأن ترشيح {{local organisationName}} في إطار طلب المشاريع «{{local title}}» لم يستوفِ شروط الأهلية التالية (فحص بتاريخ {{date date}}):</p><ul>{{#each reasons}}<li>{{reason this}}</li>{{/each}}</ul>{{#if deadline}}<p>يمكنكم تقديم ملاحظاتكم في أجل أقصاه {{dateTime deadline}} (بتوقيت المغرب).</p>{{/if}}',
      text: 'نأسف لإخباركم بأن ترشيح {{local organisationName}} في إطار طلب المشاريع «{{local title}}» لم يستوفِ شروط الأهلية التالية (فحص بتاريخ {{date date}}):\n{{#each reasons}}\n- {{reason this}}\n{{/each}}\n{{#if deadline}}\n\nيمكنكم تقديم ملاحظاتكم في أجل أقصاه {{dateTime deadline}} (بتوقيت المغرب).\n{{/if}}',
    },
    fr: {
      subject: 'Candidature {{reference}} non recevable',
      html: "<p>Nous regrettons de vous informer que la candidature de {{local organisationName}} à l'appel à projets « {{local title}} » ne remplit pas les critères d'éligibilité suivants (examen du {{date date}}) :</p><ul>{{#each reasons}}<li>{{reason this}}</li>{{/each}}</ul>{{#if deadline}}<p>Vous pouvez présenter vos observations jusqu'au {{dateTime deadline}} (heure du Maroc).</p>{{/if}}",
      text: "Nous regrettons de vous informer que la candidature de {{local organisationName}} à l'appel à projets « {{local title}} » ne remplit pas les critères d'éligibilité suivants (examen du {{date date}}) :\n{{#each reasons}}\n- {{reason this}}\n{{/each}}\n{{#if deadline}}\n\nVous pouvez présenter vos observations jusqu'au {{dateTime deadline}} (heure du Maroc).\n{{/if}}",
    },
    en: {
      subject: 'Application {{reference}} is not eligible',
      html: '<p>We regret to inform you that the application of {{local organisationName}} to the call for proposals “{{local title}}” does not meet the following eligibility criteria (screened on {{date date}}):</p><ul>{{#each reasons}}<li>{{reason this}}</li>{{/each}}</ul>{{#if deadline}}<p>You may submit your observations until {{dateTime deadline}} (Morocco time).</p>{{/if}}',
      text: 'We regret to inform you that the application of {{local organisationName}} to the call for proposals “{{local title}}” does not meet the following eligibility criteria (screened on {{date date}}):\n{{#each reasons}}\n- {{reason this}}\n{{/each}}\n{{#if deadline}}\n\nYou may submit your observations until {{dateTime deadline}} (Morocco time).\n{{/if}}',
    },
  },
};

export const GRANT_AWARDED: TemplateEntry = {
  id: 'grant-awarded',
  version: 1,
  translations: {
    ar: {
      subject: 'منح الدعم، الترشيح {{reference}}',
      html: '<p>يسرّنا إخباركم بأنه تقرر، بتاريخ {{date date}}، منح {{local organisationName}} دعماً بمبلغ {{money amount}} لمشروع «{{local title}}».</p><p>ستُعرض عليكم اتفاقية الدعم للتوقيع قريباً.</p>',
      text: 'يسرّنا إخباركم بأنه تقرر، بتاريخ {{date date}}، منح {{local organisationName}} دعماً بمبلغ {{money amount}} لمشروع «{{local title}}».\n\nستُعرض عليكم اتفاقية الدعم للتوقيع قريباً.',
    },
    fr: {
      subject: 'Subvention accordée, candidature {{reference}}',
      html: '<p>Nous avons le plaisir de vous informer que, par décision du {{date date}}, une subvention de {{money amount}} est accordée à {{local organisationName}} pour le projet « {{local title}} ».</p><p>La convention de subvention vous sera proposée prochainement pour signature.</p>',
      text: 'Nous avons le plaisir de vous informer que, par décision du {{date date}}, une subvention de {{money amount}} est accordée à {{local organisationName}} pour le projet « {{local title}} ».\n\nLa convention de subvention vous sera proposée prochainement pour signature.',
    },
    en: {
      subject: 'Grant awarded, application {{reference}}',
      html: '<p>We are pleased to inform you that, by decision of {{date date}}, a grant of {{money amount}} is awarded to {{local organisationName}} for the project “{{local title}}”.</p><p>The grant agreement will be sent to you for signature shortly.</p>',
      text: 'We are pleased to inform you that, by decision of {{date date}}, a grant of {{money amount}} is awarded to {{local organisationName}} for the project “{{local title}}”.\n\nThe grant agreement will be sent to you for signature shortly.',
    },
  },
};

export const APPLICATION_REJECTED: TemplateEntry = {
  id: 'application-rejected',
  version: 1,
  translations: {
    ar: {
      subject: 'قرار بشأن ترشيحكم {{reference}}',
      html: '<p>نأسف لإخباركم بأن ترشيح {{local organisationName}} لمشروع «{{local title}}» لم يتم قبوله، بموجب قرار بتاريخ {{date date}}.</p><p>يمكنكم تقديم طعن في هذا القرار في أجل أقصاه {{dateTime deadline}} (بتوقيت المغرب)، عبر الرابط أدناه.</p>',
      text: 'نأسف لإخباركم بأن ترشيح {{local organisationName}} لمشروع «{{local title}}» لم يتم قبوله، بموجب قرار بتاريخ {{date date}}.\n\nيمكنكم تقديم طعن في هذا القرار في أجل أقصاه {{dateTime deadline}} (بتوقيت المغرب)، عبر الرابط أدناه.',
    },
    fr: {
      subject: 'Décision sur la candidature {{reference}}',
      html: "<p>Nous regrettons de vous informer que la candidature de {{local organisationName}} pour le projet « {{local title}} » n'a pas été retenue, par décision du {{date date}}.</p><p>Vous pouvez former un recours contre cette décision jusqu'au {{dateTime deadline}} (heure du Maroc), par le lien ci-dessous.</p>",
      text: "Nous regrettons de vous informer que la candidature de {{local organisationName}} pour le projet « {{local title}} » n'a pas été retenue, par décision du {{date date}}.\n\nVous pouvez former un recours contre cette décision jusqu'au {{dateTime deadline}} (heure du Maroc), par le lien ci-dessous.",
    },
    en: {
      subject: 'Decision on application {{reference}}',
      html: '<p>We regret to inform you that the application of {{local organisationName}} for the project “{{local title}}” was not selected, by decision of {{date date}}.</p><p>You may appeal against this decision until {{dateTime deadline}} (Morocco time), through the link below.</p>',
      text: 'We regret to inform you that the application of {{local organisationName}} for the project “{{local title}}” was not selected, by decision of {{date date}}.\n\nYou may appeal against this decision until {{dateTime deadline}} (Morocco time), through the link below.',
    },
  },
};
