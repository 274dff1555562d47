import type { TemplateEntry } from '../template-catalogue';

// What matches an association's sectors (a call, a need), and the digest gathering held messages.

export const CALL_MATCHING: TemplateEntry = {
  id: 'call-matching',
  version: 1,
  translations: {
    ar: {
      subject: 'طلب مشاريع جديد يتوافق مع مجالات عملكم: «{{local title}}»',
      html: '<p>تم فتح طلب مشاريع جديد يتوافق مع مجالات عمل {{local organisationName}}: «{{local title}}».</p>{{#if reasons}}<p>القطاعات المعنية: {{#each reasons}}{{reason this}}{{#unless @last}}، {{/unless}}{{/each}}.</p>{{/if}}{{#if amount}}<p>الحد الأقصى للدعم لكل مشروع: {{money amount}}.</p>{{/if}}<p>آخر أجل لإيداع الترشيحات: {{dateTime deadline}} (بتوقيت المغرب).</p>',
      text: 'تم فتح طلب مشاريع جديد يتوافق مع مجالات عمل {{local organisationName}}: «{{local title}}».\n{{#if reasons}}\nالقطاعات المعنية: {{#each reasons}}{{reason this}}{{#unless @last}}، {{/unless}}{{/each}}.\n{{/if}}\n{{#if amount}}\nالحد الأقصى للدعم لكل مشروع: {{money amount}}.\n{{/if}}\nآخر أجل لإيداع الترشيحات: {{dateTime deadline}} (بتوقيت المغرب).',
    },
    fr: {
      subject: 'Nouvel appel à projets dans vos domaines : « {{local title}} »',
      html: "<p>Un nouvel appel à projets correspond aux domaines d'action de {{local organisationName}} : « {{local title}} ».</p>{{#if reasons}}<p>Secteurs concernés : {{#each reasons}}{{reason this}}{{#unless @last}}, {{/unless}}{{/each}}.</p>{{/if}}{{#if amount}}<p>Subvention maximale par projet : {{money amount}}.</p>{{/if}}<p>Date limite de dépôt des candidatures : {{dateTime deadline}} (heure du Maroc).</p>",
      text: "Un nouvel appel à projets correspond aux domaines d'action de {{local organisationName}} : « {{local title}} ».\n{{#if reasons}}\nSecteurs concernés : {{#each reasons}}{{reason this}}{{#unless @last}}, {{/unless}}{{/each}}.\n{{/if}}\n{{#if amount}}\nSubvention maximale par projet : {{money amount}}.\n{{/if}}\nDate limite de dépôt des candidatures : {{dateTime deadline}} (heure du Maroc).",
    },
    en: {
      subject: 'New call for proposals in your fields: “{{local title}}”',
      html: '<p>A new call for proposals matches the fields of work of {{local organisationName}}: “{{local title}}”.</p>{{#if reasons}}<p>Sectors: {{#each reasons}}{{reason this}}{{#unless @last}}, {{/unless}}{{/each}}.</p>{{/if}}{{#if amount}}<p>Maximum grant per project: {{money amount}}.</p>{{/if}}<p>Deadline for applications: {{dateTime deadline}} (Morocco time).</p>',
      text: 'A new call for proposals matches the fields of work of {{local organisationName}}: “{{local title}}”.\n{{#if reasons}}\nSectors: {{#each reasons}}{{reason this}}{{#unless @last}}, {{/unless}}{{/each}}.\n{{/if}}\n{{#if amount}}\nMaximum grant per project: {{money amount}}.\n{{/if}}\nDeadline for applications: {{dateTime deadline}} (Morocco time).',
    },
  },
};

export const NEED_MATCHING: TemplateEntry = {
  id: 'need-matching',
  version: 1,
  translations: {
    ar: {
      subject: 'حاجة جديدة تتوافق مع مجالات عملكم: «{{local title}}»',
      html: '<p>تم، بتاريخ {{date date}}، التعبير عن حاجة تتوافق مع مجالات عمل {{local organisationName}}: «{{local title}}».</p>{{#if reasons}}<p>القطاعات المعنية: {{#each reasons}}{{reason this}}{{#unless @last}}، {{/unless}}{{/each}}.</p>{{/if}}<p>يمكنكم الاطلاع على تفاصيلها عبر الرابط أدناه.</p>',
      text: 'تم، بتاريخ {{date date}}، التعبير عن حاجة تتوافق مع مجالات عمل {{local organisationName}}: «{{local title}}».\n{{#if reasons}}\nالقطاعات المعنية: {{#each reasons}}{{reason this}}{{#unless @last}}، {{/unless}}{{/each}}.\n{{/if}}\nيمكنكم الاطلاع على تفاصيلها عبر الرابط أدناه.',
    },
    fr: {
      subject: 'Un besoin dans vos domaines : « {{local title}} »',
      html: "<p>Un besoin exprimé le {{date date}} correspond aux domaines d'action de {{local organisationName}} : « {{local title}} ».</p>{{#if reasons}}<p>Secteurs concernés : {{#each reasons}}{{reason this}}{{#unless @last}}, {{/unless}}{{/each}}.</p>{{/if}}<p>Son détail est consultable par le lien ci-dessous.</p>",
      text: "Un besoin exprimé le {{date date}} correspond aux domaines d'action de {{local organisationName}} : « {{local title}} ».\n{{#if reasons}}\nSecteurs concernés : {{#each reasons}}{{reason this}}{{#unless @last}}, {{/unless}}{{/each}}.\n{{/if}}\nSon détail est consultable par le lien ci-dessous.",
    },
    en: {
      subject: 'A need in your fields: “{{local title}}”',
      html: '<p>A need expressed on {{date date}} matches the fields of work of {{local organisationName}}: “{{local title}}”.</p>{{#if reasons}}<p>Sectors: {{#each reasons}}{{reason this}}{{#unless @last}}, {{/unless}}{{/each}}.</p>{{/if}}<p>Its details can be viewed through the link below.</p>',
      text: 'A need expressed on {{date date}} matches the fields of work of {{local organisationName}}: “{{local title}}”.\n{{#if reasons}}\nSectors: {{#each reasons}}{{reason this}}{{#unless @last}}, {{/unless}}{{/each}}.\n{{/if}}\nIts details can be viewed through the link below.',
    },
  },
};

export const DIGEST: TemplateEntry = {
  id: 'digest',
  version: 1,
  translations: {
    ar: {
      subject: 'ملخص إشعاراتكم ليوم {{date date}}',
      html: '<p>إليكم آخر المستجدات المتعلقة بملفات {{local organisationName}} منذ الملخص السابق:</p><ul>{{#each items}}<li>{{date date}}: {{local title}} ({{reference}})</li>{{/each}}</ul>',
      text: 'إليكم آخر المستجدات المتعلقة بملفات {{local organisationName}} منذ الملخص السابق:\n{{#each items}}\n- {{date date}}: {{local title}} ({{reference}})\n{{/each}}',
    },
    fr: {
      subject: 'Votre récapitulatif du {{date date}}',
      html: '<p>Voici les nouvelles concernant les dossiers de {{local organisationName}} depuis le précédent récapitulatif :</p><ul>{{#each items}}<li>{{date date}} : {{local title}} ({{reference}})</li>{{/each}}</ul>',
      text: 'Voici les nouvelles concernant les dossiers de {{local organisationName}} depuis le précédent récapitulatif :\n{{#each items}}\n- {{date date}} : {{local title}} ({{reference}})\n{{/each}}',
    },
    en: {
      subject: 'Your summary of {{date date}}',
      html: '<p>Here is what happened in the files of {{local organisationName}} since the previous summary:</p><ul>{{#each items}}<li>{{date date}}: {{local title}} ({{reference}})</li>{{/each}}</ul>',
      text: 'Here is what happened in the files of {{local organisationName}} since the previous summary:\n{{#each items}}\n- {{date date}}: {{local title}} ({{reference}})\n{{/each}}',
    },
  },
};
