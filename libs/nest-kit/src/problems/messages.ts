export type Language = 'ar' | 'fr' | 'en';
export const LANGUAGES: readonly Language[] = ['ar', 'fr', 'en'];

/** The kit's own `detail` texts; contexts give their own details in the language they choose. */
export const MESSAGES = {
  'validation.failed': {
    en: 'The request body has {count} invalid member(s).',
    fr: 'Le corps de la requête contient {count} membre(s) invalide(s).',
    ar: 'يحتوي متن الطلب على {count} عنصر(عناصر) غير صالحة.',
  },
  'text.malformed': {
    en: 'The text at {fields} is not well formed: bytes that are not UTF-8, or a lone UTF-16 surrogate.',
    fr: 'Le texte en {fields} est mal formé : des octets qui ne sont pas de l’UTF-8, ou un demi-codet UTF-16 isolé.',
    ar: 'النص في {fields} غير سليم: بايتات ليست بترميز UTF-8 أو نصف رمز UTF-16 منفرد.',
  },
  'path.malformed': {
    en: 'The path of the request is not UTF-8 once percent-decoded.',
    fr: 'Le chemin de la requête n’est pas de l’UTF-8 une fois décodé (pourcentages).',
    ar: 'مسار الطلب ليس بترميز UTF-8 بعد فك ترميز النسب المئوية.',
  },
  'request.malformed': {
    en: 'The request could not be read.',
    fr: 'La requête est illisible.',
    ar: 'تعذرت قراءة الطلب.',
  },
  'ifMatch.malformed': {
    en: 'If-Match must be "*" or one strong entity tag holding a revision, such as "3".',
    fr: 'If-Match doit être "*" ou une seule étiquette forte contenant une révision, par exemple "3".',
    ar: 'يجب أن تكون قيمة If-Match إما "*" أو وسما قويا واحدا يحمل رقم مراجعة، مثل "3".',
  },
  'auth.missing': {
    en: 'A valid bearer token is required.',
    fr: 'Un jeton bearer valide est requis.',
    ar: 'مطلوب رمز حامل (bearer) صالح.',
  },
  'auth.invalid': {
    en: 'The bearer token is invalid or expired.',
    fr: 'Le jeton bearer est invalide ou expiré.',
    ar: 'رمز الحامل غير صالح أو منتهي الصلاحية.',
  },
  'auth.forbidden': {
    en: 'Your roles do not allow this operation.',
    fr: 'Vos rôles ne permettent pas cette opération.',
    ar: 'أدواركم لا تسمح بهذه العملية.',
  },
  'resource.notFound': {
    en: 'The resource does not exist.',
    fr: "La ressource n'existe pas.",
    ar: 'المورد غير موجود.',
  },
  'method.notAllowed': {
    en: 'This resource does not answer {method}; it answers {allowed}.',
    fr: 'Cette ressource ne répond pas à {method} ; elle répond à {allowed}.',
    ar: 'هذا المورد لا يستجيب لـ {method}؛ بل يستجيب لـ {allowed}.',
  },
  'request.timeout': {
    en: 'The request did not arrive in time.',
    fr: "La requête n'est pas arrivée à temps.",
    ar: 'لم يصل الطلب في الوقت المحدد.',
  },
  'uri.tooLong': {
    en: 'A segment of the request path is longer than allowed.',
    fr: 'Un segment du chemin de la requête dépasse la longueur autorisée.',
    ar: 'أحد أجزاء مسار الطلب أطول من المسموح به.',
  },
  'headers.tooLarge': {
    en: 'The request line and headers are larger than allowed.',
    fr: 'La ligne de requête et les en-têtes dépassent la taille autorisée.',
    ar: 'سطر الطلب والترويسات أكبر من الحجم المسموح به.',
  },
  'revision.conflict': {
    en: 'The resource was changed by someone else; reload it and try again.',
    fr: "La ressource a été modifiée par quelqu'un d'autre ; rechargez-la et réessayez.",
    ar: 'تم تعديل المورد من قبل شخص آخر؛ أعيدوا تحميله وحاولوا مجددا.',
  },
  'revision.preconditionFailed': {
    en: 'The resource is no longer at the revision given in If-Match.',
    fr: "La ressource n'est plus à la révision indiquée dans If-Match.",
    ar: 'لم يعد المورد في المراجعة المحددة في If-Match.',
  },
  'idempotency.reused': {
    en: 'This Idempotency-Key was already used with a different request.',
    fr: 'Cette Idempotency-Key a déjà été utilisée pour une autre requête.',
    ar: 'سبق استخدام مفتاح Idempotency-Key هذا لطلب مختلف.',
  },
  'idempotency.inFlight': {
    en: 'A request with this Idempotency-Key is still being processed; retry later.',
    fr: 'Une requête avec cette Idempotency-Key est encore en cours ; réessayez plus tard.',
    ar: 'لا يزال طلب بمفتاح Idempotency-Key هذا قيد المعالجة؛ أعيدوا المحاولة لاحقا.',
  },
  'idempotency.malformed': {
    en: 'Idempotency-Key must be 1 to 255 visible ASCII characters.',
    fr: 'Idempotency-Key doit comporter de 1 à 255 caractères ASCII visibles.',
    ar: 'يجب أن يتكون Idempotency-Key من 1 إلى 255 حرفا مرئيا من ASCII.',
  },
  'rateLimit.exceeded': {
    en: 'Too many requests; retry after {seconds} second(s).',
    fr: 'Trop de requêtes ; réessayez dans {seconds} seconde(s).',
    ar: 'طلبات كثيرة جدا؛ أعيدوا المحاولة بعد {seconds} ثانية.',
  },
  'payload.tooLarge': {
    en: 'The request body is larger than allowed.',
    fr: 'Le corps de la requête dépasse la taille autorisée.',
    ar: 'متن الطلب أكبر من الحجم المسموح به.',
  },
  'mediaType.unsupported': {
    en: 'This media type is not supported; send application/json.',
    fr: "Ce type de média n'est pas pris en charge ; envoyez application/json.",
    ar: 'نوع الوسائط هذا غير مدعوم؛ أرسلوا application/json.',
  },
  'health.notReady': {
    en: 'Some dependencies are not ready: {failing}.',
    fr: 'Certaines dépendances ne sont pas prêtes : {failing}.',
    ar: 'بعض التبعيات غير جاهزة: {failing}.',
  },
  'health.stuck': {
    en: 'Some work can make no progress and needs a restart: {stuck}.',
    fr: 'Certains traitements ne progressent plus et demandent un redémarrage : {stuck}.',
    ar: 'بعض المعالجات متوقفة عن التقدم وتحتاج إلى إعادة تشغيل: {stuck}.',
  },
  'internal.error': {
    en: 'An unexpected error occurred; quote the correlation id when reporting it.',
    fr: "Une erreur inattendue s'est produite ; citez l'identifiant de corrélation en la signalant.",
    ar: 'حدث خطأ غير متوقع؛ اذكروا معرّف الترابط عند الإبلاغ عنه.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export type MessageKey = keyof typeof MESSAGES;

export function message(
  key: MessageKey,
  language: Language,
  params: Record<string, string | number> = {},
): string {
  return MESSAGES[key][language].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The best of ar/fr/en for an Accept-Language header (RFC 9110 §12.5.4 q-values); en by default. */
export function negotiateLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'en';
  let best: { language: Language; q: number } | undefined;
  for (const part of acceptLanguage.split(',')) {
    const [range, ...params] = part.trim().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const primary = range.trim().toLowerCase().split('-')[0];
    const language = LANGUAGES.find((l) => l === primary);
    if (language && (!best || q > best.q)) best = { language, q };
  }
  return best?.language ?? 'en';
}
