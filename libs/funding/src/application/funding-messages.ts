import type { DomainMessages } from '@tadamon/nest-kit';

/**
 * The `detail` of Funding's domain problems in ar/fr/en, per error code. The technical message
 * (English, with ids and amounts) goes to the logs and to the `debug` member.
 */
export const FUNDING_MESSAGES: DomainMessages = {
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
  BUDGET_ENVELOPE_EXCEEDED: {
    en: 'The budget envelope does not have enough left for this amount ({remaining} remain).',
    fr: "L'enveloppe budgétaire ne dispose plus d'assez de fonds pour ce montant (reste {remaining}).",
    ar: 'لم يعد في الغلاف المالي ما يكفي لهذا المبلغ (المتبقي {remaining}).',
  },
  COMMITMENT_ALREADY_MADE: {
    en: 'Funds were already committed for this application, for another amount.',
    fr: 'Des fonds ont déjà été engagés pour cette demande, pour un autre montant.',
    ar: 'سبق الالتزام بأموال لهذا الطلب بمبلغ مختلف.',
  },
  COMMITMENT_NOT_FOUND: {
    en: 'No funds are committed for this application on this envelope.',
    fr: "Aucun fonds n'est engagé pour cette demande sur cette enveloppe.",
    ar: 'لا توجد أموال ملتزم بها لهذا الطلب في هذا الغلاف.',
  },
  COMMITMENT_RELEASED: {
    en: 'The funds committed for this application were released; they cannot be used again.',
    fr: 'Les fonds engagés pour cette demande ont été libérés ; ils ne peuvent plus être utilisés.',
    ar: 'تم تحرير الأموال الملتزم بها لهذا الطلب؛ ولا يمكن استعمالها من جديد.',
  },
  DISBURSEMENT_EXCEEDS_COMMITMENT: {
    en: 'This payment exceeds what is committed and not yet paid to this application.',
    fr: 'Ce versement dépasse ce qui est engagé et non encore versé pour cette demande.',
    ar: 'هذا الصرف يتجاوز ما هو ملتزم به ولم يُصرف بعد لهذا الطلب.',
  },
  TRANCHE_ALREADY_DISBURSED: {
    en: 'This tranche was already paid, for another amount.',
    fr: 'Cette tranche a déjà été versée, pour un autre montant.',
    ar: 'سبق صرف هذه الدفعة بمبلغ مختلف.',
  },
  CALL_STILL_OPEN: {
    en: 'The call accepts applications until its deadline ({deadline}); it can be closed after that.',
    fr: "L'appel reçoit des demandes jusqu'à sa date limite ({deadline}) ; il ne peut être clôturé qu'ensuite.",
    ar: 'يستقبل طلب العروض الطلبات إلى غاية آخر أجل ({deadline})؛ ولا يمكن إغلاقه إلا بعد ذلك.',
  },
  ASSOCIATION_NOT_VERIFIED: {
    en: 'Only an association verified by the registry may apply (its status is {status}).',
    fr: 'Seule une association vérifiée par le registre peut déposer une demande (son statut est {status}).',
    ar: 'لا يحق تقديم الطلب إلا لجمعية تم التحقق منها في السجل (وضعيتها {status}).',
  },
  CALL_NOT_OPEN: {
    en: 'This call does not accept applications ({reason}).',
    fr: "Cet appel n'accepte pas de demandes ({reason}).",
    ar: 'طلب العروض هذا لا يقبل الطلبات ({reason}).',
  },
  NOT_THE_EVALUATOR: {
    en: 'An evaluator’s declaration and scores are theirs alone.',
    fr: "La déclaration et les notes d'un évaluateur n'appartiennent qu'à lui.",
    ar: 'تصريح المقيّم وتنقيطه من شأنه وحده.',
  },
  EVALUATOR_NOT_ASSIGNED: {
    en: 'This evaluator is not assigned to this application.',
    fr: "Cet évaluateur n'est pas affecté à cette demande.",
    ar: 'هذا المقيّم غير مكلف بهذا الطلب.',
  },
  EVALUATOR_EXCLUDED: {
    en: 'This evaluator was removed from this application (conflict of interest or decision of an officer).',
    fr: "Cet évaluateur a été écarté de cette demande (conflit d'intérêts ou décision d'un agent).",
    ar: 'تم إبعاد هذا المقيّم عن هذا الطلب (تضارب مصالح أو قرار من موظف).',
  },
  CONFLICT_DECLARATION_REQUIRED: {
    en: 'Declare any conflict of interest before opening the dossier.',
    fr: "Déclarez tout conflit d'intérêts avant d'ouvrir le dossier.",
    ar: 'يجب التصريح بأي تضارب في المصالح قبل فتح الملف.',
  },
  DOSSIER_NOT_OPENED: {
    en: 'Open the dossier before scoring it.',
    fr: 'Ouvrez le dossier avant de le noter.',
    ar: 'يجب فتح الملف قبل تنقيطه.',
  },
  EVALUATION_INCOMPLETE: {
    en: 'A consensus needs every assigned evaluator’s scores ({required} evaluators at least).',
    fr: 'Un consensus exige les notes de chaque évaluateur affecté ({required} évaluateurs au moins).',
    ar: 'يتطلب التوافق تنقيط كل المقيّمين المكلفين ({required} مقيّمين على الأقل).',
  },
  BELOW_THRESHOLDS: {
    en: 'The application did not reach the thresholds of: {failed}.',
    fr: "La demande n'a pas atteint les seuils de : {failed}.",
    ar: 'لم يبلغ الطلب العتبات الخاصة بـ: {failed}.',
  },
  AWARD_EXCEEDS_REQUEST: {
    en: 'A grant may not exceed the amount requested.',
    fr: 'Une subvention ne peut dépasser le montant demandé.',
    ar: 'لا يمكن أن تتجاوز المنحة المبلغ المطلوب.',
  },
  COMMITTEE_MEMBER_HAS_CONFLICT: {
    en: 'A committee member has a conflict of interest with this application ({member}): an evaluator of the dossier or the applicant’s own account takes no part in the decision.',
    fr: "Un membre du comité est en conflit d'intérêts avec cette demande ({member}) : un évaluateur du dossier ou le compte de l'association demandeuse ne prend pas part à la décision.",
    ar: 'أحد أعضاء اللجنة في وضعية تضارب مصالح مع هذا الطلب ({member}): لا يشارك في القرار مقيّم للملف ولا حساب الجمعية صاحبة الطلب.',
  },
  OUTSIDE_FUNDED_SET: {
    en: 'This application is outside the call’s funded set in ranking order (rank {rank}): an award needs a derogation stating the reason and the committee members who decided it.',
    fr: "Cette demande est hors de l'ensemble financé de l'appel dans l'ordre du classement (rang {rank}) : une attribution exige une dérogation indiquant le motif et les membres du comité qui l'ont décidée.",
    ar: 'هذا الطلب خارج المجموعة المموّلة لطلب العروض حسب ترتيب التصنيف (الرتبة {rank}): يتطلب منحه استثناءً يبيّن السبب وأعضاء اللجنة الذين قرروه.',
  },
  UNKNOWN_COMMITTEE_MEMBER: {
    en: 'This person is not a known member of the selection committee ({member}).',
    fr: "Cette personne n'est pas un membre connu du comité de sélection ({member}).",
    ar: 'هذا الشخص ليس عضوا معروفا في لجنة الانتقاء ({member}).',
  },
  CALLER_NOT_IN_COMMITTEE: {
    en: 'The committee members named must include you, who record the decision.',
    fr: 'Les membres du comité indiqués doivent vous inclure, vous qui enregistrez la décision.',
    ar: 'يجب أن يشمل أعضاء اللجنة المذكورون شخصكم، بصفتكم من يسجّل القرار.',
  },
  INVALID_SIGNATORY: {
    en: 'A grant agreement is signed by its parties only: the applicant association, the envelope’s funder and the ministry ({signatory} is none of them).',
    fr: "Une convention de subvention n'est signée que par ses parties : l'association demandeuse, le bailleur de l'enveloppe et le ministère ({signatory} n'en fait pas partie).",
    ar: 'لا يوقّع اتفاقية المنحة إلا أطرافها: الجمعية صاحبة الطلب والممول صاحب الغلاف المالي والوزارة ({signatory} ليس منها).',
  },
  APPLICANT_MUST_SIGN: {
    en: 'The applicant association must be among the signatories of its grant agreement.',
    fr: "L'association demandeuse doit figurer parmi les signataires de sa convention de subvention.",
    ar: 'يجب أن تكون الجمعية صاحبة الطلب من بين الموقّعين على اتفاقية منحتها.',
  },
  UNKNOWN_FUNDER: {
    en: 'The registry knows no actor with this identifier ({funder}).',
    fr: 'Le registre ne connaît aucun acteur portant cet identifiant ({funder}).',
    ar: 'لا يعرف السجل أي فاعل بهذا المعرّف ({funder}).',
  },
  FUNDER_IS_ASSOCIATION: {
    en: 'An association applies for grants; it cannot fund a budget envelope ({funder}).',
    fr: 'Une association demande des subventions ; elle ne peut pas financer une enveloppe budgétaire ({funder}).',
    ar: 'الجمعية تطلب المنح؛ ولا يمكنها تمويل غلاف مالي ({funder}).',
  },
  AMOUNT_ABOVE_CALL_BUDGET: {
    en: 'The amount requested exceeds the whole budget of the call ({budget}).',
    fr: "Le montant demandé dépasse le budget total de l'appel ({budget}).",
    ar: 'المبلغ المطلوب يتجاوز الميزانية الإجمالية لطلب العروض ({budget}).',
  },
  APPLICATION_FLAGGED: {
    en: 'The applicant association is suspended: nothing is awarded, signed or paid until it is reinstated.',
    fr: "L'association demandeuse est suspendue : rien n'est attribué, signé ni versé avant sa réintégration.",
    ar: 'الجمعية صاحبة الطلب موقوفة: لا منح ولا توقيع ولا صرف قبل إعادة تفعيلها.',
  },
  APPEAL_WINDOW_CLOSED: {
    en: 'Appeals were accepted until {deadline}.',
    fr: "Les recours étaient recevables jusqu'au {deadline}.",
    ar: 'كانت الطعون مقبولة إلى غاية {deadline}.',
  },
  APPEAL_ALREADY_LODGED: {
    en: 'An appeal against this decision was already lodged.',
    fr: 'Un recours contre cette décision a déjà été formé.',
    ar: 'سبق تقديم طعن في هذا القرار.',
  },
  AGREEMENT_ALREADY_SIGNED: {
    en: 'The grant agreement is already signed.',
    fr: 'La convention de subvention est déjà signée.',
    ar: 'اتفاقية المنحة موقعة مسبقا.',
  },
  TRANCHE_NOT_FOUND: {
    en: 'The agreement schedules no such tranche.',
    fr: 'La convention ne prévoit pas cette tranche.',
    ar: 'لا تنص الاتفاقية على هذه الدفعة.',
  },
  TRANCHE_GATED: {
    en: 'This tranche cannot be released yet: tranches go in order, each after the report on the previous one is approved.',
    fr: "Cette tranche ne peut pas encore être versée : les tranches se suivent, chacune après l'approbation du rapport sur la précédente.",
    ar: 'لا يمكن صرف هذه الدفعة بعد: تُصرف الدفعات بالترتيب، كل واحدة بعد المصادقة على تقرير سابقتها.',
  },
  UNKNOWN_SCORING_RULES_VERSION: {
    en: 'These scoring rules are not known.',
    fr: 'Ces règles de notation sont inconnues.',
    ar: 'قواعد التنقيط هذه غير معروفة.',
  },
};
