import type { DomainMessages } from '@tadamon/nest-kit';

/**
 * The `detail` of the Registry's domain problems in ar/fr/en, per error code. The technical
 * message (English, with ids) goes to the logs and to `debug` members, not to the ministry's users.
 */
export const REGISTRY_MESSAGES: DomainMessages = {
  NOT_REGISTERED: {
    en: 'This record does not exist.',
    fr: "Cet enregistrement n'existe pas.",
    ar: 'هذا السجل غير موجود.',
  },
  INVALID_TRANSITION: {
    en: 'This action is not allowed in the record’s current status ({status}).',
    fr: "Cette action n'est pas permise dans l'état actuel de l'enregistrement ({status}).",
    ar: 'هذا الإجراء غير مسموح به في الحالة الحالية للسجل ({status}).',
  },
  ALREADY_REGISTERED: {
    en: 'A record with this identifier already exists with other data.',
    fr: 'Un enregistrement portant cet identifiant existe déjà avec d’autres données.',
    ar: 'يوجد بالفعل سجل بهذا المعرّف ببيانات مختلفة.',
  },
  PUBLISHER_NOT_ALLOWED: {
    en: 'This organisation may not publish this need: {reason}.',
    fr: 'Cette organisation ne peut pas publier ce besoin : {reason}.',
    ar: 'لا يحق لهذه الهيئة نشر هذه الحاجة: {reason}.',
  },
  ASSOCIATION_MERGED: {
    en: 'This association was merged into {survivorId}; act on that association instead.',
    fr: 'Cette association a été fusionnée dans {survivorId} ; agissez sur celle-ci.',
    ar: 'تم دمج هذه الجمعية في {survivorId}؛ يرجى التعامل مع تلك الجمعية.',
  },
  PERSONAL_DATA_ERASED: {
    en: "This person's data was erased; nothing more can be recorded for them.",
    fr: 'Les données de cette personne ont été effacées ; plus rien ne peut être enregistré à son sujet.',
    ar: 'تم محو بيانات هذا الشخص؛ لا يمكن تسجيل أي شيء آخر بشأنه.',
  },
};
