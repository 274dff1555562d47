import { direction } from '@tadamon/reference-data';
import type { Language } from '../domain/notification/notification-messages';
import type { TemplateTranslation } from './template-catalogue';

/** The layout's own wording, per language. Changing it changes every message: bump every version. */
const LAYOUT_TEXT: Readonly<
  Record<
    Language,
    {
      ministry: string;
      greeting: string;
      closing: string;
      open: string;
      reference: string;
      automatic: string;
      preferences: string;
      unsubscribe: string;
      /** What separates a label from its value (a space before the colon in French). */
      colon: string;
    }
  >
> = {
  ar: {
    ministry: 'الوزارة المكلفة بالمغاربة المقيمين بالخارج',
    greeting:
      '{{#if recipientName}}السيد(ة) {{recipientName}} المحترم(ة)،{{else}}السيدات والسادة المحترمون،{{/if}}',
    closing: 'مع خالص التحيات،',
    open: 'الاطلاع على التفاصيل',
    reference: 'المرجع',
    automatic: 'هذه رسالة مرسلة تلقائيا عبر منصة تضامن، يرجى عدم الرد عليها.',
    preferences: 'إدارة تفضيلات الإشعارات',
    unsubscribe: 'إلغاء الاشتراك في هذا النوع من الرسائل',
    colon: ': ',
  },
  fr: {
    ministry: "Ministère chargé des Marocains résidant à l'étranger",
    greeting: '{{#if recipientName}}Bonjour {{recipientName}},{{else}}Madame, Monsieur,{{/if}}',
    closing: 'Veuillez agréer nos salutations distinguées,',
    open: 'Voir le détail',
    reference: 'Référence',
    automatic:
      'Ce message vous est adressé automatiquement par la plateforme Tadamon ; merci de ne pas y répondre.',
    preferences: 'Gérer vos préférences de notification',
    unsubscribe: 'Ne plus recevoir ce type de message',
    colon: ' : ',
  },
  en: {
    ministry: 'Ministry in charge of Moroccans residing abroad',
    greeting: '{{#if recipientName}}Dear {{recipientName}},{{else}}Dear Sir or Madam,{{/if}}',
    closing: 'Kind regards,',
    open: 'View details',
    reference: 'Reference',
    automatic: 'This message was sent automatically by the Tadamon platform; please do not reply to it.',
    preferences: 'Manage your notification preferences',
    unsubscribe: 'Stop receiving this kind of message',
    colon: ': ',
  },
};

/**
 * The MJML document of one template in one language. Direction and alignment are fixed here, before
 * MJML runs (its validator accepts only `left|right|…` for `align`, and `dir` shapes its output);
 * every `{{…}}` left in it is the template's, filled per message after MJML compiled it once.
 */
export const layoutMjml = (language: Language, translation: TemplateTranslation): string => {
  const t = LAYOUT_TEXT[language];
  const dir = direction(language);
  const align = dir === 'rtl' ? 'right' : 'left';
  return `<mjml lang="${language}" dir="${dir}">
  <mj-head>
    <mj-title>${translation.subject}</mj-title>
    <mj-attributes>
      <mj-all font-family="Arial, Helvetica, sans-serif" />
      <mj-section direction="${dir}" />
      <mj-column direction="${dir}" />
      <mj-text align="${align}" font-size="15px" line-height="1.6" color="#1f2933" />
      <mj-button align="${align}" background-color="#006233" color="#ffffff" font-size="15px" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f5f7">
    <mj-section background-color="#006233">
      <mj-column>
        <mj-text color="#ffffff" font-size="16px" font-weight="bold">${t.ministry}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff">
      <mj-column>
        <mj-text><p>${t.greeting}</p>${translation.html}</mj-text>
        <mj-button href="{{links.open}}">${t.open}</mj-button>
        <mj-text font-size="13px" color="#52606d">${t.reference}${t.colon}{{reference}}</mj-text>
        <mj-text><p>${t.closing}<br />${t.ministry}</p></mj-text>
      </mj-column>
    </mj-section>
    <mj-section>
      <mj-column>
        <mj-text font-size="12px" color="#7b8794">
          <p>${t.automatic}</p>
          <p><a href="{{links.preferences}}">${t.preferences}</a>{{#if links.unsubscribe}} · <a href="{{links.unsubscribe}}">${t.unsubscribe}</a>{{/if}}</p>
        </mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
};

/** The plain-text part: the same facts and links as the HTML, one per line. */
export const layoutText = (language: Language, translation: TemplateTranslation): string => {
  const t = LAYOUT_TEXT[language];
  return `${t.greeting}

${translation.text.trim()}

${t.open}${t.colon}{{links.open}}
${t.reference}${t.colon}{{reference}}

${t.closing}
${t.ministry}

--
${t.automatic}
${t.preferences}${t.colon}{{links.preferences}}
{{#if links.unsubscribe}}
${t.unsubscribe}${t.colon}{{links.unsubscribe}}
{{/if}}
`;
};
