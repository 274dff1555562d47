import { findSector } from '@tadamon/reference-data';
import type { Language } from '../domain/notification/notification-messages';

/** Funding's eligibility rule codes (EligibilityRuleCode), as the applicant reads the failed rule. */
const ELIGIBILITY_RULES: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  'association-verified': {
    ar: 'يجب أن تكون الجمعية قد خضعت للتحقق في السجل',
    fr: "l'association doit être vérifiée au registre",
    en: 'the association must be verified in the registry',
  },
  currency: {
    ar: 'يجب أن يُطلب المبلغ بعملة طلب المشاريع',
    fr: "le montant doit être demandé dans la devise de l'appel",
    en: "the amount must be requested in the call's currency",
  },
  'host-country': {
    ar: 'بلد إقامة الجمعية غير مشمول بطلب المشاريع',
    fr: "le pays d'accueil de l'association n'est pas couvert par l'appel",
    en: "the association's host country is not covered by the call",
  },
  'origin-region': {
    ar: 'جهة المشروع غير مشمولة بطلب المشاريع',
    fr: "la région du projet n'est pas couverte par l'appel",
    en: "the project's region is not covered by the call",
  },
  sector: {
    ar: 'قطاع المشروع غير مشمول بطلب المشاريع',
    fr: "le secteur du projet n'est pas couvert par l'appel",
    en: "the project's sector is not covered by the call",
  },
  'max-amount': {
    ar: 'المبلغ المطلوب يتجاوز السقف المحدد في طلب المشاريع',
    fr: "le montant demandé dépasse le plafond de l'appel",
    en: "the amount requested exceeds the call's ceiling",
  },
  'co-financing': {
    ar: 'نسبة التمويل المشترك أقل من الحد الأدنى المطلوب',
    fr: 'le cofinancement est inférieur au minimum requis',
    en: 'the co-financing is below the required minimum',
  },
};

/**
 * A reason code in the reader's language: an eligibility rule, or an OECD DAC sector code (the
 * matching triggers). An unknown code is shown as it is rather than hidden.
 */
export const reasonLabel = (code: string, language: Language): string =>
  ELIGIBILITY_RULES[code]?.[language] ?? findSector(code)?.names[language] ?? code;
