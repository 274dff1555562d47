import type { DomainMessages } from '@tadamon/nest-kit';

/**
 * The `detail` of Notifications' domain problems in ar/fr/en, per error code. The technical message
 * (English, with ids) goes to the logs and to the `debug` member.
 */
export const NOTIFICATIONS_MESSAGES: DomainMessages = {
  ORGANISATION_REQUIRED: {
    en: 'Name the organisation the webhook endpoint belongs to.',
    fr: 'Indiquez l’organisation à laquelle appartient le point de réception (webhook).',
    ar: 'حدِّد الهيئة التي تنتمي إليها نقطة الاستقبال (webhook).',
  },
  NOT_OWN_ORGANISATION: {
    en: 'An organisation’s account acts for its own organisation only.',
    fr: 'Le compte d’une organisation n’agit que pour sa propre organisation.',
    ar: 'لا يتصرف حساب الهيئة إلا باسم هيئته.',
  },
  NOT_CREATED: {
    en: 'This record does not exist.',
    fr: "Cet enregistrement n'existe pas.",
    ar: 'هذا السجل غير موجود.',
  },
  ALREADY_CREATED: {
    en: 'A record with this identifier already exists with other data.',
    fr: 'Un enregistrement portant cet identifiant existe déjà avec d’autres données.',
    ar: 'يوجد بالفعل سجل بهذا المعرّف ببيانات مختلفة.',
  },
  INVALID_TRANSITION: {
    en: 'This action is not allowed in the notification’s current status ({status}).',
    fr: "Cette action n'est pas permise dans l'état actuel de la notification ({status}).",
    ar: 'هذا الإجراء غير مسموح به في الحالة الحالية للإشعار ({status}).',
  },
  NOT_DERIVED_ID: {
    en: 'A notification’s identifier is derived from its source event, recipient and channel ({expected}).',
    fr: 'L’identifiant d’une notification découle de son événement source, de son destinataire et de son canal ({expected}).',
    ar: 'يُشتق معرّف الإشعار من الحدث المصدر والمستلم والقناة ({expected}).',
  },
  NOT_THE_CURRENT_ATTEMPT: {
    en: 'Attempt {attempt} is not the delivery attempt in progress ({current}).',
    fr: 'La tentative {attempt} n’est pas la tentative d’envoi en cours ({current}).',
    ar: 'المحاولة {attempt} ليست محاولة الإرسال الجارية ({current}).',
  },
  NOT_THE_RECIPIENT: {
    en: 'Only the person this notification was sent to may mark it read.',
    fr: 'Seule la personne à qui cette notification a été envoyée peut la marquer comme lue.',
    ar: 'لا يمكن إلا للشخص الذي أُرسل إليه هذا الإشعار أن يضع عليه علامة مقروء.',
  },
  WEBHOOK_SECRET_REUSED: {
    en: 'This webhook endpoint already had this secret: a rotation needs a new one.',
    fr: 'Ce point de terminaison webhook a déjà eu ce secret : une rotation en demande un nouveau.',
    ar: 'سبق أن استُعمل هذا السر لنقطة استقبال الويب هوك هذه: يتطلب التدوير سرًّا جديدًا.',
  },
};
