import { DossierLanguage } from './dossier-language';

type Entry = Record<DossierLanguage, string>;

/** The dossier's words in Arabic, French and English; a key without an entry shows as itself. */
const LABELS: Record<string, Entry> = {
  // ---- headings and fields ----
  dossierTitle: { ar: 'ملف التدقيق', fr: 'Dossier d’audit', en: 'Audit dossier' },
  application: { ar: 'طلب الدعم', fr: 'Demande de subvention', en: 'Grant application' },
  project: { ar: 'المشروع', fr: 'Projet', en: 'Project' },
  association: { ar: 'الجمعية', fr: 'Association', en: 'Association' },
  call: { ar: 'طلب المشاريع', fr: 'Appel à projets', en: 'Call for proposals' },
  status: { ar: 'الحالة', fr: 'Statut', en: 'Status' },
  asOf: { ar: 'في تاريخ', fr: 'À la date du', en: 'As of' },
  generatedAt: { ar: 'تاريخ الإنشاء', fr: 'Établi le', en: 'Generated at' },
  store: { ar: 'سجل الأحداث', fr: 'Journal d’événements', en: 'Event store' },
  verdict: { ar: 'النتيجة', fr: 'Conclusion', en: 'Verdict' },
  'verdict.same': {
    ar: 'كل إعادة حساب تطابق ما سُجّل، بإصدار القواعد الذي سجّله كل حدث',
    fr: 'Chaque recalcul redonne ce qui a été enregistré, avec la version des règles que chaque événement a enregistrée',
    en: 'Every recomputation gives what was recorded, with the rules version each event recorded',
  },
  'verdict.different': {
    ar: 'إعادة حساب واحدة على الأقل، أو معطى مالي واحد على الأقل، يختلف عما سُجّل',
    fr: 'Au moins un recalcul ou un fait financier diffère de ce qui a été enregistré',
    en: 'At least one recomputation or money fact differs from what was recorded',
  },
  'verdict.broken-chain': {
    ar: 'سلسلة التجزئة مكسورة: الأحداث المقروءة ليست هي المكتوبة',
    fr: 'Chaîne de hachage rompue : les événements lus ne sont pas ceux qui ont été écrits',
    en: 'Broken hash chain: the events read are not the ones written',
  },
  amountRequested: { ar: 'المبلغ المطلوب', fr: 'Montant demandé', en: 'Amount requested' },
  submittedAt: { ar: 'تاريخ الإيداع', fr: 'Déposée le', en: 'Submitted at' },
  budget: { ar: 'الميزانية', fr: 'Budget', en: 'Budget' },
  deadline: { ar: 'الأجل', fr: 'Date limite', en: 'Deadline' },
  decision: { ar: 'القرار', fr: 'Décision', en: 'Decision' },
  noDecision: {
    ar: 'لا قرار في هذا التاريخ',
    fr: 'Aucune décision à cette date',
    en: 'No decision at this date',
  },
  award: { ar: 'منح الدعم', fr: 'Attribution', en: 'Award' },
  rejection: { ar: 'رفض', fr: 'Rejet', en: 'Rejection' },
  amount: { ar: 'المبلغ', fr: 'Montant', en: 'Amount' },
  conditions: { ar: 'الشروط', fr: 'Conditions', en: 'Conditions' },
  rationale: { ar: 'التعليل', fr: 'Motivation', en: 'Rationale' },
  reasons: { ar: 'الأسباب', fr: 'Motifs', en: 'Reasons' },
  appealDeadline: { ar: 'أجل الطعن', fr: 'Date limite de recours', en: 'Appeal deadline' },
  appeal: { ar: 'الطعن', fr: 'Recours', en: 'Appeal' },
  committee: { ar: 'اللجنة', fr: 'Comité', en: 'Committee' },
  versions: { ar: 'الإصدارات', fr: 'Versions', en: 'Versions' },
  criteriaVersion: { ar: 'إصدار المعايير', fr: 'Version des critères', en: 'Criteria version' },
  scoringRulesVersion: {
    ar: 'إصدار قواعد التنقيط',
    fr: 'Version des règles de notation',
    en: 'Scoring rules version',
  },
  consensus: { ar: 'النقطة التوافقية', fr: 'Note de consensus', en: 'Consensus score' },
  decidedAt: { ar: 'تاريخ القرار', fr: 'Décidé le', en: 'Decided at' },
  decidedBy: { ar: 'صادر عن', fr: 'Par', en: 'By' },
  recommendation: { ar: 'توصية اللجنة', fr: 'Recommandation du comité', en: 'Committee recommendation' },
  recommended: { ar: 'موصى به', fr: 'Recommandée', en: 'Recommended' },
  notRecommended: { ar: 'غير موصى به', fr: 'Non recommandée', en: 'Not recommended' },
  rank: { ar: 'الرتبة', fr: 'Rang', en: 'Rank' },
  envelope: { ar: 'الغلاف المالي', fr: 'Enveloppe budgétaire', en: 'Budget envelope' },
  envelopeAtDecision: {
    ar: 'الغلاف المالي عند اتخاذ القرار',
    fr: 'L’enveloppe au moment de la décision',
    en: 'The envelope at the time of the decision',
  },
  envelopeAtAsOf: {
    ar: 'الغلاف المالي في هذا التاريخ',
    fr: 'L’enveloppe à cette date',
    en: 'The envelope at this date',
  },
  committed: { ar: 'الملتزم به', fr: 'Engagé', en: 'Committed' },
  disbursed: { ar: 'المصروف', fr: 'Décaissé', en: 'Disbursed' },
  remaining: { ar: 'المتبقي', fr: 'Reste disponible', en: 'Remaining' },
  recordedRemaining: {
    ar: 'المتبقي كما سجّله القرار',
    fr: 'Reste enregistré par la décision',
    en: 'Remaining as the decision recorded it',
  },
  applicationCommitment: {
    ar: 'التزام هذا الطلب',
    fr: 'Engagement de cette demande',
    en: 'This application’s commitment',
  },
  scores: {
    ar: 'النقاط حسب المقيّم والمعيار',
    fr: 'Notes par évaluateur et par critère',
    en: 'Scores by evaluator and criterion',
  },
  evaluator: { ar: 'المقيّم', fr: 'Évaluateur', en: 'Evaluator' },
  criterion: { ar: 'المعيار', fr: 'Critère', en: 'Criterion' },
  points: { ar: 'النقاط', fr: 'Points', en: 'Points' },
  comment: { ar: 'التعليق', fr: 'Commentaire', en: 'Comment' },
  weight: { ar: 'الوزن', fr: 'Poids', en: 'Weight' },
  threshold: { ar: 'العتبة', fr: 'Seuil', en: 'Threshold' },
  spread: { ar: 'أدنى – أعلى', fr: 'Min – max', en: 'Lowest – highest' },
  passed: { ar: 'مستوفاة', fr: 'Atteint', en: 'Passed' },
  overall: { ar: 'المجموع', fr: 'Global', en: 'Overall' },
  conflicts: {
    ar: 'التصريحات بتضارب المصالح',
    fr: 'Déclarations de conflit d’intérêts',
    en: 'Conflict-of-interest declarations',
  },
  declaration: { ar: 'التصريح', fr: 'Déclaration', en: 'Declaration' },
  'no-conflict': { ar: 'لا تضارب في المصالح', fr: 'Aucun conflit', en: 'No conflict' },
  'declared-conflict': { ar: 'تضارب مصرّح به', fr: 'Conflit déclaré', en: 'Declared conflict' },
  'detected-conflict': { ar: 'تضارب مكتشف', fr: 'Conflit détecté', en: 'Detected conflict' },
  statement: { ar: 'نص التصريح', fr: 'Texte', en: 'Statement' },
  date: { ar: 'التاريخ', fr: 'Date', en: 'Date' },
  timeline: { ar: 'التسلسل الزمني', fr: 'Chronologie', en: 'Timeline' },
  recordedAt: { ar: 'تاريخ التسجيل', fr: 'Enregistré le', en: 'Recorded at' },
  occurredAt: { ar: 'تاريخ الوقوع', fr: 'Survenu le', en: 'Occurred at' },
  event: { ar: 'الحدث', fr: 'Événement', en: 'Event' },
  actor: { ar: 'الفاعل', fr: 'Acteur', en: 'Actor' },
  facts: { ar: 'التفاصيل', fr: 'Faits', en: 'Facts' },
  recomputation: {
    ar: 'إعادة الحساب بإصدار القواعد المسجّل',
    fr: 'Recalcul avec la version des règles enregistrée',
    en: 'Recomputation with the recorded rules version',
  },
  nothingToRecompute: {
    ar: 'لا شيء يعاد حسابه بعد',
    fr: 'Rien à recalculer pour l’instant',
    en: 'Nothing to recompute yet',
  },
  result: { ar: 'النتيجة', fr: 'Résultat', en: 'Result' },
  differences: { ar: 'الفروق', fr: 'Différences', en: 'Differences' },
  field: { ar: 'الحقل', fr: 'Champ', en: 'Field' },
  recorded: { ar: 'المسجّل', fr: 'Enregistré', en: 'Recorded' },
  recomputed: { ar: 'المعاد حسابه', fr: 'Recalculé', en: 'Recomputed' },
  same: { ar: 'مطابق', fr: 'Identique', en: 'Same' },
  different: { ar: 'مختلف', fr: 'Différent', en: 'Different' },
  proof: { ar: 'إثبات السلسلة', fr: 'Preuve de la chaîne', en: 'Chain proof' },
  stream: { ar: 'التدفق', fr: 'Flux', en: 'Stream' },
  events: { ar: 'الأحداث', fr: 'Événements', en: 'Events' },
  eventsAsOf: { ar: 'الأحداث إلى هذا التاريخ', fr: 'Événements à cette date', en: 'Events as of' },
  firstHash: { ar: 'أول تجزئة', fr: 'Premier hash', en: 'First hash' },
  lastHash: { ar: 'آخر تجزئة', fr: 'Dernier hash', en: 'Last hash' },
  chain: { ar: 'السلسلة', fr: 'Chaîne', en: 'Chain' },
  holds: { ar: 'سليمة', fr: 'Intacte', en: 'Holds' },
  broken: { ar: 'مكسورة', fr: 'Rompue', en: 'Broken' },
  seal: {
    ar: 'آخر ختم للسجل يغطي القرار',
    fr: 'Dernier scellé du journal couvrant la décision',
    en: 'Latest log seal covering the decision',
  },
  firstSeal: {
    ar: 'أول ختم غطّى القرار',
    fr: 'Premier scellé ayant couvert la décision',
    en: 'First seal that covered the decision',
  },
  position: { ar: 'الموضع', fr: 'Position', en: 'Position' },
  count: { ar: 'عدد الأحداث المختومة', fr: 'Événements scellés', en: 'Events sealed' },
  digest: { ar: 'البصمة', fr: 'Empreinte', en: 'Digest' },
  keyId: { ar: 'معرّف المفتاح', fr: 'Identifiant de clé', en: 'Key id' },
  signature: { ar: 'التوقيع', fr: 'Signature', en: 'Signature' },
  sealedAt: { ar: 'تاريخ الختم', fr: 'Scellé le', en: 'Sealed at' },
  signatureCheck: { ar: 'التحقق من التوقيع', fr: 'Vérification de la signature', en: 'Signature check' },
  signatureValid: { ar: 'التوقيع صحيح', fr: 'Signature valide', en: 'Signature valid' },
  signatureInvalid: { ar: 'التوقيع غير صحيح', fr: 'Signature invalide', en: 'Signature invalid' },
  signatureNotChecked: {
    ar: 'لم يُتحقق من التوقيع (لا مفتاح عمومي)',
    fr: 'Signature non vérifiée (pas de clé publique)',
    en: 'Signature not checked (no public key)',
  },
  noSeal: {
    ar: 'لا ختم يغطي القرار',
    fr: 'Aucun scellé ne couvre la décision',
    en: 'No seal covers the decision',
  },
  note: { ar: 'ملاحظة', fr: 'Remarque', en: 'Note' },
  yes: { ar: 'نعم', fr: 'oui', en: 'yes' },
  no: { ar: 'لا', fr: 'non', en: 'no' },
  none: { ar: 'لا شيء', fr: 'aucun', en: 'none' },
  footer: {
    ar: 'أُعدّ هذا الملف بواسطة tadamon-audit انطلاقاً من سجل الأحداث، في وضع القراءة فقط.',
    fr: 'Dossier établi par tadamon-audit à partir du journal d’événements, lu en lecture seule.',
    en: 'Dossier produced by tadamon-audit from the event log, read read-only.',
  },

  // ---- timeline facts ----
  changed: { ar: 'الحقول المعدّلة', fr: 'Champs modifiés', en: 'Changed' },
  checks: { ar: 'عمليات التحقق', fr: 'Contrôles', en: 'Checks' },
  reason: { ar: 'السبب', fr: 'Motif', en: 'Reason' },
  previousStatus: { ar: 'الحالة السابقة', fr: 'Statut précédent', en: 'Previous status' },
  detail: { ar: 'التفاصيل', fr: 'Détail', en: 'Detail' },
  links: { ar: 'الروابط', fr: 'Liens', en: 'Links' },
  passedThresholds: { ar: 'العتبات مستوفاة', fr: 'Seuils atteints', en: 'Thresholds passed' },
  failedThresholds: { ar: 'العتبات غير المستوفاة', fr: 'Seuils non atteints', en: 'Thresholds failed' },
  evaluators: { ar: 'المقيّمون', fr: 'Évaluateurs', en: 'Evaluators' },
  envelopeRemaining: { ar: 'المتبقي في الغلاف', fr: 'Reste de l’enveloppe', en: 'Envelope remaining' },
  grounds: { ar: 'أسباب الطعن', fr: 'Moyens', en: 'Grounds' },
  agreement: { ar: 'الاتفاقية', fr: 'Convention', en: 'Agreement' },
  signedOn: { ar: 'تاريخ التوقيع', fr: 'Signée le', en: 'Signed on' },
  signatories: { ar: 'الموقّعون', fr: 'Signataires', en: 'Signatories' },
  tranches: { ar: 'الأقساط', fr: 'Tranches', en: 'Tranches' },
  tranche: { ar: 'القسط', fr: 'Tranche', en: 'Tranche' },
  report: { ar: 'التقرير', fr: 'Rapport', en: 'Report' },
  summary: { ar: 'الملخص', fr: 'Résumé', en: 'Summary' },
  programme: { ar: 'البرنامج', fr: 'Programme', en: 'Programme' },
  remainingBefore: { ar: 'المتبقي قبل', fr: 'Reste avant', en: 'Remaining before' },
  remainingAfter: { ar: 'المتبقي بعد', fr: 'Reste après', en: 'Remaining after' },
  released: { ar: 'المبلغ المحرّر', fr: 'Libéré', en: 'Released' },
  previousDeadline: { ar: 'الأجل السابق', fr: 'Date limite précédente', en: 'Previous deadline' },
  unreadable: { ar: 'غير مقروء', fr: 'Illisible', en: 'Unreadable' },

  // ---- money facts ----
  money: {
    ar: 'المعطيات المالية المعاد حسابها من السجل',
    fr: 'Faits financiers recalculés à partir du journal',
    en: 'Money facts recomputed from the log',
  },
  moneyChecked: { ar: 'ما تم التحقق منه', fr: 'Contrôles effectués', en: 'Checked' },
  moneyAllHold: {
    ar: 'كل المعطيات المالية مطابقة',
    fr: 'Tous les faits financiers concordent',
    en: 'Every money fact holds',
  },
  check: { ar: 'عملية التحقق', fr: 'Contrôle', en: 'Check' },
  notRecorded: { ar: 'غير مسجّل', fr: 'non enregistré', en: 'not recorded' },
  ranking: { ar: 'الترتيب', fr: 'Classement', en: 'Ranking' },
  fundedSet: {
    ar: 'ضمن المجموعة الممولة',
    fr: 'Dans la liste financée',
    en: 'In the funded set',
  },
  derogation: { ar: 'الاستثناء', fr: 'Dérogation', en: 'Derogation' },
  severity: { ar: 'الدرجة', fr: 'Gravité', en: 'Severity' },
  'severity.error': { ar: 'اختلاف', fr: 'Écart', en: 'Difference' },
  'severity.note': { ar: 'ملاحظة', fr: 'Remarque', en: 'Note' },
  fallback: {
    ar: 'لا ترجمة عربية: النص معروض بلغة أخرى',
    fr: 'Pas de traduction française : texte affiché dans une autre langue',
    en: 'No English translation: text shown in another language',
  },
  'money.award-vs-commitment': {
    ar: 'مبلغ المنحة مقارنة بالالتزام في الغلاف المالي',
    fr: 'Montant attribué et engagement sur l’enveloppe',
    en: 'Award amount against the commitment on the envelope',
  },
  'money.award-without-commitment': {
    ar: 'منحة دون التزام نشط في الغلاف المالي',
    fr: 'Attribution sans engagement actif sur l’enveloppe',
    en: 'Award without an active commitment on the envelope',
  },
  'money.award-vs-request': {
    ar: 'مبلغ المنحة مقارنة بالمبلغ المطلوب',
    fr: 'Montant attribué et montant demandé',
    en: 'Award amount against the amount requested',
  },
  'money.award-project-vs-proposal': {
    ar: 'المشروع الممنوح مقارنة بالمشروع المقترح',
    fr: 'Projet attribué et projet proposé',
    en: 'Awarded project against the proposed project',
  },
  'money.award-vs-envelope': {
    ar: 'مبلغ المنحة مقارنة بما تبقى في الغلاف المالي',
    fr: 'Montant attribué et reste de l’enveloppe',
    en: 'Award amount against what the envelope had left',
  },
  'money.second-award': { ar: 'منحة ثانية', fr: 'Seconde attribution', en: 'Second award' },
  'money.award-terms-vs-commitment': {
    ar: 'شروط المنحة مقارنة بما يحمله الالتزام',
    fr: 'Termes de l’attribution et ceux portés par l’engagement',
    en: 'Award terms against those the commitment carries',
  },
  'money.ranking-not-recorded': {
    ar: 'الترتيب غير مسجّل في القرار',
    fr: 'Classement non enregistré par la décision',
    en: 'Ranking not recorded by the decision',
  },
  'money.award-outside-funded-set': {
    ar: 'منحة خارج المجموعة الممولة دون استثناء مسجّل',
    fr: 'Attribution hors de la liste financée sans dérogation enregistrée',
    en: 'Award outside the funded set without a recorded derogation',
  },
  'money.derogation': {
    ar: 'منحة خارج المجموعة الممولة باستثناء مسجّل',
    fr: 'Attribution hors de la liste financée, par dérogation enregistrée',
    en: 'Award outside the funded set by a recorded derogation',
  },
  'money.funded-set-recomputed': {
    ar: 'المجموعة الممولة المعاد حسابها من السجل',
    fr: 'Liste financée recalculée à partir du journal',
    en: 'Funded set recomputed from the log',
  },
  'money.commitment-vs-envelope': {
    ar: 'أرقام الالتزام مقارنة بحساب الغلاف المالي',
    fr: 'Montants de l’engagement et calcul de l’enveloppe',
    en: 'Commitment figures against the envelope’s arithmetic',
  },
  'money.envelope-over-committed': {
    ar: 'التزامات تتجاوز مبلغ الغلاف المالي',
    fr: 'Engagements au-delà du montant de l’enveloppe',
    en: 'Commitments above the envelope’s amount',
  },
  'money.dangling-commitment': {
    ar: 'التزام دون قرار منح ولا تحرير',
    fr: 'Engagement sans attribution ni libération',
    en: 'Commitment with no award and no release',
  },
  'money.commitment-held-after-decision': {
    ar: 'طلب مرفوض أو مسحوب ما زال يحتفظ بالتزام نشط',
    fr: 'Demande rejetée ou retirée détenant encore un engagement actif',
    en: 'Rejected or withdrawn application still holding an active commitment',
  },
  'money.award-commitment-released': {
    ar: 'منحة قائمة حُرّر التزامها',
    fr: 'Attribution en vigueur dont l’engagement a été libéré',
    en: 'Standing award whose commitment was released',
  },
  'money.tranches-vs-award': {
    ar: 'مجموع الأقساط مقارنة بمبلغ المنحة',
    fr: 'Total des tranches et montant attribué',
    en: 'Tranches in total against the award',
  },
  'money.tranche-vs-schedule': {
    ar: 'القسط المصروف مقارنة بجدول الاتفاقية',
    fr: 'Tranche versée et échéancier de la convention',
    en: 'Tranche released against the agreement’s schedule',
  },
  'money.tranche-without-disbursement': {
    ar: 'قسط محرّر دون صرف مسجّل في الغلاف المالي',
    fr: 'Tranche versée sans décaissement enregistré sur l’enveloppe',
    en: 'Tranche released without a disbursement on the envelope',
  },
  'money.disbursement-without-tranche': {
    ar: 'صرف دون قسط محرّر',
    fr: 'Décaissement sans tranche versée',
    en: 'Disbursement of no released tranche',
  },
  'money.disbursement-vs-tranche': {
    ar: 'مبلغ الصرف مقارنة بالقسط',
    fr: 'Montant décaissé et tranche',
    en: 'Disbursement against its tranche',
  },
  'money.disbursed-vs-committed': {
    ar: 'المصروف مقارنة بالملتزم به',
    fr: 'Décaissé et engagé',
    en: 'Disbursed against committed',
  },

  // ---- statuses ----
  'status.draft': { ar: 'مسودة', fr: 'brouillon', en: 'draft' },
  'status.submitted': { ar: 'مودَع', fr: 'déposée', en: 'submitted' },
  'status.eligible': { ar: 'مؤهَّل', fr: 'éligible', en: 'eligible' },
  'status.ineligible': { ar: 'غير مؤهَّل', fr: 'inéligible', en: 'ineligible' },
  'status.under-evaluation': { ar: 'قيد التقييم', fr: 'en évaluation', en: 'under evaluation' },
  'status.scored': { ar: 'منقَّط', fr: 'notée', en: 'scored' },
  'status.recommended': { ar: 'موصى به', fr: 'recommandée', en: 'recommended' },
  'status.not-recommended': { ar: 'غير موصى به', fr: 'non recommandée', en: 'not recommended' },
  'status.awarded': { ar: 'ممنوح', fr: 'attribuée', en: 'awarded' },
  'status.rejected': { ar: 'مرفوض', fr: 'rejetée', en: 'rejected' },
  'status.withdrawn': { ar: 'مسحوب', fr: 'retirée', en: 'withdrawn' },
  'status.assigned': { ar: 'معيَّن', fr: 'désigné', en: 'assigned' },
  'status.removed': { ar: 'مُبعَد', fr: 'retiré', en: 'removed' },
  'status.excluded': { ar: 'مستبعَد', fr: 'exclu', en: 'excluded' },
  'status.pending': { ar: 'في الانتظار', fr: 'en attente', en: 'pending' },
  'status.conflict': { ar: 'تضارب', fr: 'conflit', en: 'conflict' },
  'status.no-conflict': { ar: 'لا تضارب', fr: 'aucun conflit', en: 'no conflict' },
  'status.open': { ar: 'مفتوح', fr: 'ouverte', en: 'open' },
  'status.closed': { ar: 'مغلق', fr: 'clôturée', en: 'closed' },
  'status.published': { ar: 'منشور', fr: 'publié', en: 'published' },
  'status.none': { ar: 'غير موجود', fr: 'inexistante', en: 'none' },
  'status.active': { ar: 'جارٍ', fr: 'actif', en: 'active' },
  'status.released': { ar: 'محرَّر', fr: 'libéré', en: 'released' },
  'status.lodged': { ar: 'مقدَّم', fr: 'déposé', en: 'lodged' },
  'status.upheld': { ar: 'مقبول', fr: 'accueilli', en: 'upheld' },
  'status.dismissed': { ar: 'مرفوض', fr: 'rejeté', en: 'dismissed' },

  // ---- event types ----
  'event.GrantApplicationDrafted': {
    ar: 'إعداد مسودة الطلب',
    fr: 'Demande rédigée',
    en: 'Application drafted',
  },
  'event.GrantApplicationChanged': { ar: 'تعديل الطلب', fr: 'Demande modifiée', en: 'Application changed' },
  'event.GrantApplicationSubmitted': {
    ar: 'إيداع الطلب',
    fr: 'Demande déposée',
    en: 'Application submitted',
  },
  'event.GrantApplicationFoundEligible': { ar: 'الطلب مؤهَّل', fr: 'Demande éligible', en: 'Found eligible' },
  'event.GrantApplicationFoundIneligible': {
    ar: 'الطلب غير مؤهَّل',
    fr: 'Demande inéligible',
    en: 'Found ineligible',
  },
  'event.GrantApplicationWithdrawn': { ar: 'سحب الطلب', fr: 'Demande retirée', en: 'Application withdrawn' },
  'event.GrantApplicationFlagged': {
    ar: 'التنبيه على الطلب',
    fr: 'Demande signalée',
    en: 'Application flagged',
  },
  'event.GrantApplicationFlagCleared': { ar: 'رفع التنبيه', fr: 'Signalement levé', en: 'Flag cleared' },
  'event.EvaluatorAssigned': { ar: 'تعيين مقيّم', fr: 'Évaluateur désigné', en: 'Evaluator assigned' },
  'event.EvaluatorRemoved': { ar: 'إبعاد مقيّم', fr: 'Évaluateur retiré', en: 'Evaluator removed' },
  'event.NoConflictOfInterestDeclared': {
    ar: 'التصريح بعدم تضارب المصالح',
    fr: 'Absence de conflit d’intérêts déclarée',
    en: 'No conflict of interest declared',
  },
  'event.ConflictOfInterestDeclared': {
    ar: 'التصريح بتضارب المصالح',
    fr: 'Conflit d’intérêts déclaré',
    en: 'Conflict of interest declared',
  },
  'event.ConflictOfInterestDetected': {
    ar: 'اكتشاف تضارب المصالح',
    fr: 'Conflit d’intérêts détecté',
    en: 'Conflict of interest detected',
  },
  'event.EvaluationDossierOpened': {
    ar: 'فتح ملف التقييم',
    fr: 'Dossier d’évaluation ouvert',
    en: 'Evaluation dossier opened',
  },
  'event.EvaluatorScoresRecorded': {
    ar: 'تسجيل نقاط المقيّم',
    fr: 'Notes de l’évaluateur enregistrées',
    en: 'Evaluator scores recorded',
  },
  'event.ConsensusScoreReached': {
    ar: 'تحديد النقطة التوافقية',
    fr: 'Note de consensus établie',
    en: 'Consensus score reached',
  },
  'event.ConsensusScoreAnnulled': {
    ar: 'إلغاء النقطة التوافقية',
    fr: 'Note de consensus annulée',
    en: 'Consensus score annulled',
  },
  'event.GrantApplicationRecommended': {
    ar: 'التوصية بالطلب',
    fr: 'Demande recommandée',
    en: 'Application recommended',
  },
  'event.GrantApplicationNotRecommended': {
    ar: 'عدم التوصية بالطلب',
    fr: 'Demande non recommandée',
    en: 'Application not recommended',
  },
  'event.GrantAwarded': { ar: 'منح الدعم', fr: 'Subvention attribuée', en: 'Grant awarded' },
  'event.GrantApplicationRejected': { ar: 'رفض الطلب', fr: 'Demande rejetée', en: 'Application rejected' },
  'event.AppealLodged': { ar: 'تقديم طعن', fr: 'Recours déposé', en: 'Appeal lodged' },
  'event.AppealUpheld': { ar: 'قبول الطعن', fr: 'Recours accueilli', en: 'Appeal upheld' },
  'event.AppealDismissed': { ar: 'رفض الطعن', fr: 'Recours rejeté', en: 'Appeal dismissed' },
  'event.GrantAgreementSigned': {
    ar: 'توقيع اتفاقية الدعم',
    fr: 'Convention signée',
    en: 'Grant agreement signed',
  },
  'event.TrancheReleased': { ar: 'صرف قسط', fr: 'Tranche versée', en: 'Tranche released' },
  'event.TrancheReportSubmitted': {
    ar: 'تقديم تقرير القسط',
    fr: 'Rapport de tranche déposé',
    en: 'Tranche report submitted',
  },
  'event.TrancheReportApproved': {
    ar: 'المصادقة على تقرير القسط',
    fr: 'Rapport de tranche approuvé',
    en: 'Tranche report approved',
  },
  'event.TrancheReportReturned': {
    ar: 'إرجاع تقرير القسط',
    fr: 'Rapport de tranche renvoyé',
    en: 'Tranche report returned',
  },
  'event.CallForProposalsDrafted': {
    ar: 'إعداد طلب المشاريع',
    fr: 'Appel à projets rédigé',
    en: 'Call drafted',
  },
  'event.CallForProposalsRevised': {
    ar: 'مراجعة طلب المشاريع',
    fr: 'Appel à projets révisé',
    en: 'Call revised',
  },
  'event.CallForProposalsPublished': {
    ar: 'نشر طلب المشاريع',
    fr: 'Appel à projets publié',
    en: 'Call published',
  },
  'event.CallDeadlineExtended': { ar: 'تمديد الأجل', fr: 'Date limite prolongée', en: 'Deadline extended' },
  'event.CallForProposalsClosed': {
    ar: 'إغلاق طلب المشاريع',
    fr: 'Appel à projets clôturé',
    en: 'Call closed',
  },
  'event.BudgetEnvelopeOpened': { ar: 'فتح الغلاف المالي', fr: 'Enveloppe ouverte', en: 'Envelope opened' },
  'event.FundsCommitted': { ar: 'الالتزام بالاعتمادات', fr: 'Fonds engagés', en: 'Funds committed' },
  'event.CommitmentReleased': { ar: 'تحرير الالتزام', fr: 'Engagement libéré', en: 'Commitment released' },
  'event.DisbursementRecorded': {
    ar: 'تسجيل الصرف',
    fr: 'Décaissement enregistré',
    en: 'Disbursement recorded',
  },
  'event.BudgetEnvelopeClosed': {
    ar: 'إغلاق الغلاف المالي',
    fr: 'Enveloppe clôturée',
    en: 'Envelope closed',
  },
};

/** The word for `key` in `lang`; the key itself when the dictionary has none. */
export function label(lang: DossierLanguage, key: string): string {
  return LABELS[key]?.[lang] ?? key;
}

/** Where a text shown in a dossier of `lang` comes from when `lang` has none. */
export const FALLBACK_ORDER: Record<DossierLanguage, readonly DossierLanguage[]> = {
  ar: ['fr', 'en'],
  fr: ['en', 'ar'],
  en: ['fr', 'ar'],
};

/**
 * The word for `key` in `lang`, saying in which language it really is: another language when
 * `lang` has no entry (marked visibly by the dossier), null (the key itself) when none has.
 */
export function labelIn(lang: DossierLanguage, key: string): { text: string; lang: DossierLanguage | null } {
  const entry = LABELS[key] as Partial<Entry> | undefined;
  if (entry?.[lang]) return { text: entry[lang] as string, lang };
  for (const other of FALLBACK_ORDER[lang]) {
    if (entry?.[other]) return { text: entry[other] as string, lang: other };
  }
  return { text: key, lang: null };
}

/** Every key of the dictionary (tests check that each has its three languages). */
export const LABEL_KEYS = Object.keys(LABELS);
