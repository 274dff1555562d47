import type { DomainMessages } from '@tadamon/nest-kit';

/**
 * The `detail` of Partnerships' domain problems in ar/fr/en, per error code. The technical message
 * (English, with ids and amounts) goes to the logs and to the `debug` member.
 */
export const PARTNERSHIPS_MESSAGES: DomainMessages = {
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
  NOT_A_PARTY: {
    en: 'Only a party to this version of the agreement may sign it.',
    fr: 'Seule une partie à cette version de la convention peut la signer.',
    ar: 'لا يوقّع على هذه الصيغة من الاتفاقية إلا أحد أطرافها.',
  },
  AMENDMENT_PENDING: {
    en: 'An amendment of this agreement is already awaiting signatures: it must enter into force or be withdrawn first.',
    fr: 'Un avenant à cette convention attend déjà les signatures : il doit entrer en vigueur ou être retiré d’abord.',
    ar: 'يوجد ملحق لهذه الاتفاقية في انتظار التوقيعات: يجب أن يدخل حيز التنفيذ أو يُسحب أولاً.',
  },
  NO_AMENDMENT_PENDING: {
    en: 'This amendment is not awaiting signatures.',
    fr: "Cet avenant n'attend pas de signatures.",
    ar: 'هذا الملحق ليس في انتظار التوقيعات.',
  },
  TERMS_ALREADY_SIGNED: {
    en: 'A party has already signed these terms: they can no longer change; amend the agreement once it is in force.',
    fr: 'Une partie a déjà signé ces termes : ils ne peuvent plus changer ; modifiez la convention par avenant une fois en vigueur.',
    ar: 'سبق لأحد الأطراف التوقيع على هذه البنود فلم يعد تغييرها ممكناً؛ عدّل الاتفاقية بملحق بعد دخولها حيز التنفيذ.',
  },
  AGREEMENT_NOT_ENDED: {
    en: 'The agreement has not reached its end date: it cannot expire yet.',
    fr: "La convention n'a pas atteint sa date de fin : elle ne peut pas encore expirer.",
    ar: 'لم تبلغ الاتفاقية تاريخ انتهائها بعد، فلا يمكن أن تنتهي صلاحيتها الآن.',
  },
  DOCUMENT_NOT_ATTACHED: {
    en: 'No document with this fingerprint is attached here.',
    fr: "Aucun document portant cette empreinte n'est joint ici.",
    ar: 'لا توجد وثيقة مرفقة هنا بهذه البصمة.',
  },
  PROJECT_STATUS_CHANGE_NOT_ALLOWED: {
    en: 'A project in status {from} cannot move to status {to}.',
    fr: 'Un projet au statut {from} ne peut pas passer au statut {to}.',
    ar: 'لا يمكن لمشروع في الحالة {from} أن ينتقل إلى الحالة {to}.',
  },
  PROJECT_INCOMPLETE: {
    en: 'The project lacks details it needs for this step: {missing}.',
    fr: 'Il manque au projet des informations nécessaires à cette étape : {missing}.',
    ar: 'تنقص المشروع معطيات لازمة لهذه المرحلة: {missing}.',
  },
  COFINANCING_EXCEEDS_BUDGET: {
    en: 'The co-financing shares add up to more than the budget in that currency.',
    fr: 'Les parts de cofinancement dépassent le budget dans cette devise.',
    ar: 'مجموع حصص التمويل المشترك يتجاوز الميزانية بهذه العملة.',
  },
  MILESTONE_NOT_FOUND: {
    en: 'The project has no such milestone.',
    fr: "Le projet n'a pas cette étape.",
    ar: 'لا يتضمن المشروع هذه المرحلة.',
  },
  MILESTONE_ALREADY_REACHED: {
    en: 'This milestone was already recorded as reached on another day.',
    fr: 'Cette étape a déjà été enregistrée comme atteinte à une autre date.',
    ar: 'سبق تسجيل بلوغ هذه المرحلة في يوم آخر.',
  },
  REACHED_MILESTONE_REMOVED: {
    en: 'A milestone already reached cannot be removed from the project.',
    fr: 'Une étape déjà atteinte ne peut pas être retirée du projet.',
    ar: 'لا يمكن حذف مرحلة سبق بلوغها من المشروع.',
  },
  TRANCHE_ALREADY_RECORDED: {
    en: 'This tranche was already recorded with another amount.',
    fr: 'Cette tranche a déjà été enregistrée pour un autre montant.',
    ar: 'سبق تسجيل هذه الدفعة بمبلغ مختلف.',
  },
  EXPENDITURE_ALREADY_RECORDED: {
    en: 'This expenditure was already recorded with other data.',
    fr: 'Cette dépense a déjà été enregistrée avec d’autres données.',
    ar: 'سبق تسجيل هذا الإنفاق ببيانات مختلفة.',
  },
  PROJECT_DOCUMENT_ALREADY_ATTACHED: {
    en: 'This document is already attached to the project under another title.',
    fr: 'Ce document est déjà joint au projet sous un autre titre.',
    ar: 'هذه الوثيقة مرفقة بالمشروع بعنوان آخر.',
  },
  REPLICATION_ALREADY_PROPOSED: {
    en: 'A replication with this identifier was already proposed for another region.',
    fr: 'Une réplication portant cet identifiant a déjà été proposée pour une autre région.',
    ar: 'سبق اقتراح تكرار بهذا المعرّف لجهة أخرى.',
  },
  RESULT_NOT_FOUND: {
    en: 'The results framework has no such result.',
    fr: "Le cadre de résultats n'a pas ce résultat.",
    ar: 'لا يتضمن إطار النتائج هذه النتيجة.',
  },
  INDICATOR_NOT_FOUND: {
    en: 'The results framework has no such indicator.',
    fr: "Le cadre de résultats n'a pas cet indicateur.",
    ar: 'لا يتضمن إطار النتائج هذا المؤشر.',
  },
  INDICATOR_UPDATE_NOT_FOUND: {
    en: 'No such indicator update was submitted.',
    fr: "Aucune mise à jour d'indicateur de ce type n'a été soumise.",
    ar: 'لم يُقدَّم أي تحديث للمؤشر بهذا المعرّف.',
  },
  FOUR_EYES_REQUIRED: {
    en: 'You entered this update: another officer must approve or return it.',
    fr: 'Vous avez saisi cette mise à jour : un autre agent doit l’approuver ou la renvoyer.',
    ar: 'أنت من أدخل هذا التحديث: يجب أن يوافق عليه أو يعيده موظف آخر.',
  },
  TARGET_PERIOD_IN_USE: {
    en: 'Updates already report on a period these targets remove: keep that period.',
    fr: 'Des mises à jour portent déjà sur une période que ces cibles suppriment : conservez cette période.',
    ar: 'توجد تحديثات تخص فترة تحذفها هذه الأهداف: احتفظ بتلك الفترة.',
  },
  NOT_THE_ASSIGNED_OFFICER: {
    en: 'This request is assigned to another officer: take it first to answer it.',
    fr: 'Cette demande est attribuée à un autre agent : prenez-la d’abord en charge pour y répondre.',
    ar: 'هذا الطلب مسند إلى موظف آخر: تولَّه أولاً للإجابة عنه.',
  },
  NOT_THE_REQUESTER: {
    en: 'Only the organisation that made this request may withdraw it.',
    fr: "Seule l'organisation qui a fait cette demande peut la retirer.",
    ar: 'لا يسحب هذا الطلب إلا الجهة التي قدّمته.',
  },
  NO_ORGANISATION: {
    en: 'This account acts for no organisation.',
    fr: "Ce compte n'agit pour aucune organisation.",
    ar: 'هذا الحساب لا يمثل أي جهة.',
  },
  NOT_OWN_ORGANISATION: {
    en: 'An account acts only for its own organisation.',
    fr: "Un compte n'agit que pour sa propre organisation.",
    ar: 'لا يتصرف الحساب إلا باسم الجهة التي يمثلها.',
  },
};
