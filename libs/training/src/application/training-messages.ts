import type { DomainMessages } from '@tadamon/nest-kit';

/**
 * The `detail` of Training's domain problems in ar/fr/en, per error code. The technical message
 * (English, with ids and times) goes to the logs and to the `debug` member.
 */
export const TRAINING_MESSAGES: DomainMessages = {
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
    en: 'This action is not allowed in the record’s current status ({status}).',
    fr: "Cette action n'est pas permise dans l'état actuel de l'enregistrement ({status}).",
    ar: 'هذا الإجراء غير مسموح به في الحالة الحالية للسجل ({status}).',
  },
  CURRENCY_MISMATCH: {
    en: 'The amount must be in {expected}.',
    fr: 'Le montant doit être exprimé en {expected}.',
    ar: 'يجب أن يكون المبلغ بعملة {expected}.',
  },
  ENROLMENT_NOT_OPEN: {
    en: 'Enrolment in this session is not open (the session is {status}).',
    fr: "Les inscriptions à cette session ne sont pas ouvertes (la session est à l'état {status}).",
    ar: 'التسجيل في هذه الدورة غير مفتوح (حالة الدورة: {status}).',
  },
  ASSOCIATION_NOT_VERIFIED: {
    en: 'Only the managers of a verified association can enrol.',
    fr: "Seuls les responsables d'une association vérifiée peuvent s'inscrire.",
    ar: 'لا يمكن التسجيل إلا لمسيّري جمعية تم التحقق منها.',
  },
  NOT_A_CONTACT_OF_ASSOCIATION: {
    en: 'This person is not a contact person of the association in the Registry.',
    fr: "Cette personne n'est pas une personne de contact de l'association dans le registre.",
    ar: 'هذا الشخص ليس من الأشخاص المرجعيين للجمعية في السجل.',
  },
  ALREADY_ENROLLED: {
    en: 'This person is already enrolled in this session.',
    fr: 'Cette personne est déjà inscrite à cette session.',
    ar: 'هذا الشخص مسجَّل بالفعل في هذه الدورة.',
  },
  TRAINEE_NOT_ENROLLED: {
    en: 'This person is not enrolled in this session.',
    fr: "Cette personne n'est pas inscrite à cette session.",
    ar: 'هذا الشخص غير مسجَّل في هذه الدورة.',
  },
  TRAINEE_NOT_CONFIRMED: {
    en: 'This person does not hold a confirmed seat in this session.',
    fr: "Cette personne n'a pas de place confirmée dans cette session.",
    ar: 'ليس لهذا الشخص مقعد مؤكَّد في هذه الدورة.',
  },
  CAPACITY_BELOW_CONFIRMED: {
    en: 'The capacity cannot be lower than the number of confirmed seats: cancel enrolments first.',
    fr: "La capacité ne peut pas être inférieure au nombre de places confirmées : annulez d'abord des inscriptions.",
    ar: 'لا يمكن أن تقل الطاقة الاستيعابية عن عدد المقاعد المؤكَّدة: ألغِ بعض التسجيلات أولاً.',
  },
  NOT_A_TRAINER: {
    en: 'Only a trainer of this session or a ministry officer can do this.',
    fr: 'Seul un formateur de cette session ou un agent du ministère peut le faire.',
    ar: 'لا يقوم بهذا إلا مكوِّن هذه الدورة أو موظف بالوزارة.',
  },
  NOT_THE_TRAINEE: {
    en: 'You can only do this for yourself.',
    fr: 'Vous ne pouvez le faire que pour vous-même.',
    ar: 'لا يمكنك القيام بهذا إلا لنفسك.',
  },
  UNKNOWN_SITTING: {
    en: 'This session has no such sitting.',
    fr: "Cette session n'a pas cette séance.",
    ar: 'لا تتضمن هذه الدورة هذه الحصة.',
  },
  SITTING_ALREADY_ATTENDED: {
    en: 'Attendance has been marked for this sitting: it can no longer be moved or removed.',
    fr: 'Les présences de cette séance sont déjà saisies : elle ne peut plus être déplacée ni supprimée.',
    ar: 'سُجِّل الحضور في هذه الحصة: لم يعد من الممكن نقلها أو حذفها.',
  },
  SITTING_NOT_STARTED: {
    en: 'This sitting has not opened yet: only an excused absence can be recorded before it.',
    fr: "Cette séance n'est pas encore ouverte : seule une absence excusée peut être saisie avant.",
    ar: 'لم تُفتح هذه الحصة بعد: لا يمكن قبلها إلا تسجيل غياب بعذر.',
  },
  SESSION_NOT_ENDED: {
    en: 'The session can be closed only once its last sitting has ended.',
    fr: 'La session ne peut être clôturée qu’après la fin de sa dernière séance.',
    ar: 'لا يمكن إغلاق الدورة إلا بعد انتهاء آخر حصة فيها.',
  },
  FEEDBACK_TOO_EARLY: {
    en: 'Feedback opens when the first sitting starts.',
    fr: "L'évaluation s'ouvre au début de la première séance.",
    ar: 'يُفتح التقييم عند بداية الحصة الأولى.',
  },
  FEEDBACK_ALREADY_GIVEN: {
    en: 'You have already given your feedback on this session.',
    fr: 'Vous avez déjà donné votre avis sur cette session.',
    ar: 'سبق أن قدّمت تقييمك لهذه الدورة.',
  },
  CHECK_IN_TOO_EARLY: {
    en: 'Too early: check-in for this sitting has not opened yet.',
    fr: "Trop tôt : l'enregistrement de présence à cette séance n'est pas encore ouvert.",
    ar: 'مبكر جداً: لم يُفتح بعد تسجيل الحضور لهذه الحصة.',
  },
  CHECK_IN_TOO_LATE: {
    en: 'Too late: check-in for this sitting is closed, or this code has expired.',
    fr: "Trop tard : l'enregistrement de présence à cette séance est fermé, ou ce code a expiré.",
    ar: 'متأخر جداً: أُغلق تسجيل الحضور لهذه الحصة أو انتهت صلاحية هذا الرمز.',
  },
  CHECK_IN_WRONG_SITTING: {
    en: 'This code is for another sitting or another session.',
    fr: 'Ce code est celui d’une autre séance ou d’une autre session.',
    ar: 'هذا الرمز خاص بحصة أخرى أو بدورة أخرى.',
  },
  CHECK_IN_NOT_ENROLLED: {
    en: 'You do not hold a confirmed seat in this session.',
    fr: "Vous n'avez pas de place confirmée dans cette session.",
    ar: 'ليس لك مقعد مؤكَّد في هذه الدورة.',
  },
  CHECK_IN_ALREADY_MARKED: {
    en: 'Your attendance at this sitting is already recorded.',
    fr: 'Votre présence à cette séance est déjà enregistrée.',
    ar: 'حضورك في هذه الحصة مسجَّل بالفعل.',
  },
  CHECK_IN_CODE_INVALID: {
    en: 'This check-in code is not valid: scan the code shown in the room again.',
    fr: "Ce code de présence n'est pas valide : scannez à nouveau le code affiché dans la salle.",
    ar: 'رمز الحضور هذا غير صالح: امسح الرمز المعروض في القاعة من جديد.',
  },
  CHECK_IN_WINDOW_CLOSED: {
    en: 'Check-in codes for this sitting can be shown only from 30 minutes before it starts until it ends.',
    fr: "Les codes de présence de cette séance ne s'affichent que de 30 minutes avant son début jusqu'à sa fin.",
    ar: 'لا تُعرض رموز الحضور لهذه الحصة إلا من 30 دقيقة قبل بدايتها إلى نهايتها.',
  },
  NOT_ALLOWED_TO_CERTIFY: {
    en: 'Only a ministry officer can issue or change a certificate.',
    fr: 'Seul un agent du ministère peut délivrer ou modifier une attestation.',
    ar: 'لا يصدر الشهادة أو يعدّلها إلا موظف بالوزارة.',
  },
  CERTIFICATE_REVOKED: {
    en: 'This certificate was revoked on {revokedAt}: it can no longer change.',
    fr: 'Cette attestation a été révoquée le {revokedAt} : elle ne peut plus changer.',
    ar: 'أُلغيت هذه الشهادة بتاريخ {revokedAt}: لم يعد من الممكن تغييرها.',
  },
  STATUS_LIST_FULL: {
    en: 'This status list is full: the next certificate goes to a new list.',
    fr: 'Cette liste de statuts est pleine : la prochaine attestation ira dans une nouvelle liste.',
    ar: 'قائمة الحالات هذه ممتلئة: ستُدرج الشهادة التالية في قائمة جديدة.',
  },
  UNKNOWN_MODULES: {
    en: 'The catalogue holds no such module: {moduleIds}.',
    fr: 'Le catalogue ne contient pas ce module : {moduleIds}.',
    ar: 'لا يتضمّن الدليل هذه الوحدة: {moduleIds}.',
  },
  MODULE_RETIRED: {
    en: 'The module {moduleId} is retired: no new session can be scheduled for it.',
    fr: 'Le module {moduleId} est retiré : aucune nouvelle session ne peut être programmée.',
    ar: 'الوحدة {moduleId} مسحوبة: لا يمكن برمجة دورة جديدة لها.',
  },
  UNKNOWN_TRAINEE: {
    en: 'This person is not known as a contact person of an association.',
    fr: "Cette personne n'est pas connue comme personne de contact d'une association.",
    ar: 'هذا الشخص غير معروف كشخص اتصال لدى جمعية.',
  },
  CERTIFICATE_CREDENTIAL_ERASED: {
    en: 'The credential of certificate {certificateId} no longer exists: its holder’s personal data was erased.',
    fr: 'Le justificatif de l’attestation {certificateId} n’existe plus : les données personnelles de son titulaire ont été effacées.',
    ar: 'لم يعد الاعتماد الرقمي للشهادة {certificateId} موجودًا: مُحيت البيانات الشخصية لصاحبها.',
  },
  CREDENTIAL_UNREADABLE: {
    en: 'Give either a credential (a JSON object with a proof) or a jwt (a compact VC-JWT), not both.',
    fr: 'Donnez soit un justificatif (objet JSON avec une preuve), soit un jwt (VC-JWT compact), pas les deux.',
    ar: 'قدّم إما اعتمادًا (كائن JSON مع إثبات) أو jwt (VC-JWT مضغوط)، لا الاثنين معًا.',
  },
};
