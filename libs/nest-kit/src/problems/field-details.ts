import type { Language } from './messages';

/**
 * The reasons a field is refused (the domain's checks and class-validator's constraints), written
 * in English where they are raised, given in the reader's language here: a person filling a form in
 * Arabic or French reads why under the field. Each rule matches a reason without the field's name
 * (the pointer says which field); `{1}`, `{2}` are the rule's captures (limits, lists, codes). A
 * reason no rule knows is given as written (English), never dropped.
 */
type Rule = readonly [RegExp, { fr: string; ar: string }];

const RULES: readonly Rule[] = [
  [
    /^(?:is required|must not be empty|should not be empty|must not be blank)$/,
    { fr: 'est obligatoire', ar: 'إلزامي' },
  ],
  [
    /^must be at most (\d+) characters$|^must be shorter than or equal to (\d+) characters$/,
    { fr: 'doit comporter au plus {1} caractères', ar: 'يجب ألا يتجاوز {1} حرفا' },
  ],
  [
    /^must be longer than or equal to (\d+) characters$/,
    { fr: 'doit comporter au moins {1} caractères', ar: 'يجب ألا يقل عن {1} حرفا' },
  ],
  [/^must be a text$|^must be a string$/, { fr: 'doit être un texte', ar: 'يجب أن يكون نصا' }],
  [
    /^must be a text of at most (\d+) characters$/,
    { fr: 'doit être un texte d’au plus {1} caractères', ar: 'يجب أن يكون نصا لا يتجاوز {1} حرفا' },
  ],
  [
    /^must be an integer number$|^must be an integer from 1$/,
    { fr: 'doit être un nombre entier', ar: 'يجب أن يكون عددا صحيحا' },
  ],
  [/^must not be less than (-?[\d.]+)$/, { fr: 'doit être au moins {1}', ar: 'يجب ألا يقل عن {1}' }],
  [/^must not be greater than (-?[\d.]+)$/, { fr: 'doit être au plus {1}', ar: 'يجب ألا يزيد على {1}' }],
  [
    /^must be a whole number from (-?\d+) to (-?\d+)$|^must be an integer from (\d+) to (\d+)$/,
    { fr: 'doit être un nombre entier de {1} à {2}', ar: 'يجب أن يكون عددا صحيحا من {1} إلى {2}' },
  ],
  [
    /^must be one of the following values: (.+)$|^must be one of (.+)$/,
    { fr: 'doit être l’une de ces valeurs : {1}', ar: 'يجب أن يكون إحدى هذه القيم: {1}' },
  ],
  [
    /^must be a boolean value$|^must be true or false$/,
    { fr: 'doit être vrai ou faux', ar: 'يجب أن يكون صحيحا أو خاطئا' },
  ],
  [/^must be an email$/, { fr: 'doit être une adresse électronique', ar: 'يجب أن يكون عنوان بريد إلكتروني' }],
  [
    /^must be a calendar date YYYY-MM-DD$/,
    { fr: 'doit être une date (AAAA-MM-JJ)', ar: 'يجب أن يكون تاريخا (YYYY-MM-DD)' },
  ],
  [
    /^must be a valid ISO 8601 date string$|^must be an instant$|^must be an ISO 8601 UTC instant such as .+$/,
    { fr: 'doit être une date et une heure valides', ar: 'يجب أن يكون تاريخا ووقتا صالحين' },
  ],
  [/^must not be in the future$/, { fr: 'ne doit pas être dans le futur', ar: 'يجب ألا يكون في المستقبل' }],
  [/^must not be before ([\w.]+)$/, { fr: 'ne doit pas précéder {1}', ar: 'يجب ألا يسبق {1}' }],
  [
    /^must not be before the previous tranche$/,
    { fr: 'ne doit pas précéder la tranche précédente', ar: 'يجب ألا تسبق الشطر السابق' },
  ],
  [
    /^must be after the publication$/,
    { fr: 'doit être postérieure à la publication', ar: 'يجب أن يكون بعد النشر' },
  ],
  [
    /^must be later than the current deadline$/,
    { fr: 'doit être postérieure à la date limite actuelle', ar: 'يجب أن يكون بعد الأجل الحالي' },
  ],
  [/^must be a list$|^must be an array$/, { fr: 'doit être une liste', ar: 'يجب أن يكون قائمة' }],
  [
    /^must have at most (\d+) items$|^must contain no more than (\d+) elements$/,
    { fr: 'doit compter au plus {1} éléments', ar: 'يجب ألا تتجاوز {1} عناصر' },
  ],
  [
    /^must have at least (\d+) items?$|^must contain at least (\d+) elements$/,
    { fr: 'doit compter au moins {1} élément(s)', ar: 'يجب ألا تقل عن {1} عنصر' },
  ],
  [/^is listed twice$/, { fr: 'figure deux fois', ar: 'مذكور مرتين' }],
  [
    /^must be an object.*$|^nested property must be either object or array$/,
    { fr: 'doit être un objet', ar: 'يجب أن يكون كائنا' },
  ],
  [
    /^is not a served language$/,
    { fr: 'n’est pas une langue servie (ar, fr, en)', ar: 'ليست لغة مدعومة (ar وfr وen)' },
  ],
  [
    /^should not exist$|^is not allowed$|^is not a [\w ]+ field$|^is not a term of a call$|^is not a field of a proposal$|^is not an eligibility rule$/,
    { fr: 'n’est pas un champ accepté', ar: 'ليس حقلا مقبولا' },
  ],
  [
    /^must be an ISO 3166-1 alpha-2 country code$/,
    {
      fr: 'doit être un code de pays (ISO 3166-1, deux lettres)',
      ar: 'يجب أن يكون رمز بلد (ISO 3166-1 من حرفين)',
    },
  ],
  [
    /^Morocco is the country of origin, not a host country$/,
    { fr: 'le Maroc est le pays d’origine, pas un pays d’accueil', ar: 'المغرب بلد الأصل وليس بلد إقامة' },
  ],
  [
    /^must include (\w+), the country of a host city$/,
    { fr: 'doit inclure {1}, le pays d’une ville d’accueil', ar: 'يجب أن يتضمن {1}، بلد إحدى مدن الإقامة' },
  ],
  [
    /^must be one of the host countries$/,
    { fr: 'doit être l’un des pays d’accueil', ar: 'يجب أن يكون أحد بلدان الإقامة' },
  ],
  [
    /^must be a supported OECD DAC purpose code$/,
    {
      fr: 'doit être un code de secteur CAD de l’OCDE',
      ar: 'يجب أن يكون رمز قطاع لمنظمة التعاون الاقتصادي والتنمية (DAC)',
    },
  ],
  [
    /^must be a region of the 2015 scheme$|^must be iso3166-2:2015.*$/,
    { fr: 'doit être une région du découpage de 2015', ar: 'يجب أن تكون جهة من تقسيم 2015' },
  ],
  [
    /^is not a code of scheme (.+)$/,
    { fr: 'n’est pas un code du découpage {1}', ar: 'ليس رمزا في التقسيم {1}' },
  ],
  [
    /^must be a positive whole number of minor units$/,
    { fr: 'doit être un montant positif', ar: 'يجب أن يكون مبلغا موجبا' },
  ],
  [
    /^must be a whole number of minor units, not negative$/,
    { fr: 'doit être un montant, non négatif', ar: 'يجب أن يكون مبلغا غير سالب' },
  ],
  [/^must be ([A-Z]{3})$/, { fr: 'doit être en {1}', ar: 'يجب أن يكون بعملة {1}' }],
  [
    /^must be a lower-case hex SHA-256$/,
    {
      fr: 'doit être une empreinte SHA-256 (hexadécimal minuscule)',
      ar: 'يجب أن يكون بصمة SHA-256 (ست عشري بأحرف صغيرة)',
    },
  ],
  [
    /^must be an http or https address of at most (\d+) characters$/,
    {
      fr: 'doit être une adresse http ou https d’au plus {1} caractères',
      ar: 'يجب أن يكون عنوان http أو https لا يتجاوز {1} حرفا',
    },
  ],
  [
    /^must be 1 to 100 letters, digits or .+$/,
    {
      fr: 'doit compter 1 à 100 lettres, chiffres ou . _ : @ -, et commencer par une lettre ou un chiffre',
      ar: 'يجب أن يتكون من 1 إلى 100 حرف أو رقم أو . _ : @ - ويبدأ بحرف أو رقم',
    },
  ],
  [
    /^weights must sum to (\d+), not (\d+)$/,
    { fr: 'les poids doivent totaliser {1}, pas {2}', ar: 'يجب أن يكون مجموع الأوزان {1} وليس {2}' },
  ],
  [
    /^criterion ids must be distinct$|^tranche ids must be distinct$/,
    { fr: 'les identifiants doivent être distincts', ar: 'يجب أن تكون المعرّفات مختلفة' },
  ],
  [/^misses criterion (.+)$/, { fr: 'il manque le critère {1}', ar: 'ينقصه المعيار {1}' }],
  [
    /^is not a criterion of the call$/,
    { fr: 'n’est pas un critère de l’appel', ar: 'ليس معيارا من معايير الدعوة' },
  ],
  [/^scores a criterion twice$|^scores twice$/, { fr: 'note un critère deux fois', ar: 'يقيّم معيارا مرتين' }],
  [
    /^must add up to the award \((\d+) minor units\), not (\d+)$/,
    {
      fr: 'doit totaliser le montant accordé ({1} unités), pas {2}',
      ar: 'يجب أن يساوي المبلغ الممنوح ({1} وحدة) وليس {2}',
    },
  ],
  [
    /^a match names at least one association or funder$/,
    {
      fr: 'un rapprochement nomme au moins une association ou un bailleur',
      ar: 'يجب أن تسمي المطابقة جمعية أو مموّلا واحدا على الأقل',
    },
  ],
  [/^must be another association$/, { fr: 'doit être une autre association', ar: 'يجب أن تكون جمعية أخرى' }],
];

/** `title must be a string` → `must be a string`; `each value in sectors must …` → `must …`. */
function reasonOf(detail: string): string {
  const constraint = /^(?:each value in )?(?:nested property )?[\w.[\]-]+ ((?:must|should) .+)$/.exec(detail);
  if (constraint) return constraint[1];
  const unknownProperty = /^property \S+ (should not exist)$/.exec(detail);
  return unknownProperty ? unknownProperty[1] : detail;
}

export function localizeFieldDetail(detail: string, language: Language): string {
  if (language === 'en') return detail;
  for (const candidate of new Set([detail, reasonOf(detail)]))
    for (const [pattern, texts] of RULES) {
      const match = pattern.exec(candidate);
      if (!match) continue;
      const captures = match.slice(1).filter((group) => group !== undefined);
      return texts[language].replace(/\{(\d)\}/g, (_, n: string) => captures[Number(n) - 1] ?? '');
    }
  return detail;
}
