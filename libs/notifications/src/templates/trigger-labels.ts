import type { Language, Trigger } from '../domain/notification/notification-messages';

/** What each kind of notice is about, as a digest lists it (and the web app names it). */
export const TRIGGER_LABELS: Readonly<Record<Trigger, Readonly<Record<Language, string>>>> = {
  'application-received': {
    ar: 'تم استلام طلب الدعم',
    fr: 'Demande de subvention reçue',
    en: 'Grant application received',
  },
  'application-eligible': {
    ar: 'الطلب مقبول شكلاً',
    fr: 'Demande déclarée recevable',
    en: 'Application found eligible',
  },
  'application-ineligible': {
    ar: 'الطلب غير مقبول شكلاً',
    fr: 'Demande déclarée irrecevable',
    en: 'Application found ineligible',
  },
  'grant-awarded': { ar: 'تم منح الدعم', fr: 'Subvention accordée', en: 'Grant awarded' },
  'application-rejected': { ar: 'تم رفض الطلب', fr: 'Demande rejetée', en: 'Application rejected' },
  'tranche-released': { ar: 'تم صرف شطر من الدعم', fr: 'Tranche versée', en: 'Tranche released' },
  'agreement-signed': { ar: 'تم توقيع الاتفاقية', fr: 'Convention signée', en: 'Agreement signed' },
  'agreement-amended': { ar: 'تم تعديل الاتفاقية', fr: 'Convention modifiée', en: 'Agreement amended' },
  'enrolment-confirmed': {
    ar: 'تم تأكيد التسجيل في التكوين',
    fr: 'Inscription à la formation confirmée',
    en: 'Training enrolment confirmed',
  },
  'session-reminder': {
    ar: 'تذكير بحصة تكوينية',
    fr: 'Rappel de séance de formation',
    en: 'Training session reminder',
  },
  'certificate-issued': { ar: 'تم إصدار الشهادة', fr: 'Attestation délivrée', en: 'Certificate issued' },
  'call-matching': {
    ar: 'طلب مشاريع يتوافق مع مجالات عملكم',
    fr: 'Appel à projets dans vos domaines',
    en: 'Call for proposals in your fields',
  },
  'need-matching': {
    ar: 'حاجة تتوافق مع مجالات عملكم',
    fr: 'Besoin correspondant à vos domaines',
    en: 'Need matching your fields',
  },
  digest: { ar: 'ملخص الإشعارات', fr: 'Récapitulatif des notifications', en: 'Notification summary' },
};
