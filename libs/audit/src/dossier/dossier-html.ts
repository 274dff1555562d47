import { LocalizedText } from '@tadamon/funding';
import { formatMoney, formatMoneyIn, formatPoints, isMoney, MoneyLike, showValue } from '../replay/format';
import { Fact } from '../replay/timeline';
import { Dossier, DossierSeal } from './dossier';
import { DossierLanguage } from './dossier-language';
import { html, Html } from './html';
import { FALLBACK_ORDER, label, labelIn } from './labels';

/** Print-ready, self-contained: no external resource; logical properties so that RTL mirrors it. */
const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #111; background: #fff;
  font-family: "Noto Naskh Arabic", "Noto Sans", "Segoe UI", "DejaVu Sans", Tahoma, Arial, sans-serif;
  font-size: 11pt; line-height: 1.45; }
h1 { font-size: 19pt; margin: 0 0 .2rem; }
h2 { font-size: 13.5pt; margin: 1.6rem 0 .5rem; padding-bottom: .15rem; border-bottom: 2px solid #333; }
h3 { font-size: 11.5pt; margin: 1rem 0 .3rem; }
p.subtitle { margin: 0 0 1rem; font-size: 12pt; color: #333; }
table { width: 100%; border-collapse: collapse; margin: .4rem 0 .8rem; }
th, td { border: 1px solid #b5b5b5; padding: .25rem .45rem; vertical-align: top; text-align: start; }
[dir="rtl"] th, [dir="rtl"] td { text-align: right; }
[dir="ltr"] th, [dir="ltr"] td { text-align: left; }
th { background: #eee; font-weight: 600; }
table.fields th { width: 28%; }
td.num { white-space: nowrap; }
.code { font-family: "DejaVu Sans Mono", Consolas, "Liberation Mono", monospace; font-size: 8.5pt; overflow-wrap: anywhere; }
.instant, .money { white-space: nowrap; overflow-wrap: normal; word-break: keep-all; }
.fallback { border-bottom: 1px dashed #8a4b00; }
.fallback-mark { color: #8a4b00; font-size: 7.5pt; font-weight: 700; white-space: nowrap; }
.same { color: #0b6b1f; font-weight: 600; }
.different, .broken { color: #a40000; font-weight: 700; }
.verdict { padding: .5rem .8rem; border: 2px solid currentColor; margin: .8rem 0; }
ul.plain { margin: 0; padding-inline-start: 1.1rem; }
footer { margin-top: 2rem; font-size: 9pt; color: #555; border-top: 1px solid #bbb; padding-top: .4rem; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr, .verdict, .keep { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
`;

/**
 * Text in another language than the dossier's, marked visibly: a dashed underline, the language
 * tag after it, and a title saying that no translation exists.
 */
function fallback(value: string, shown: DossierLanguage | null, lang: DossierLanguage): Html {
  return html`<span class="fallback" lang="${shown ?? 'en'}" title="${label(lang, 'fallback')}"
      ><bdi>${value}</bdi></span
    ><sup class="fallback-mark" title="${label(lang, 'fallback')}">[${(shown ?? '?').toUpperCase()}]</sup>`;
}

/** A localized text in the dossier's language; else another language's, marked as a fallback. */
function localized(value: LocalizedText | null | undefined, lang: DossierLanguage): Html | string {
  if (!value) return '-';
  const texts = value as Partial<Record<DossierLanguage, string>>;
  if (texts[lang]) return text(texts[lang]);
  for (const other of FALLBACK_ORDER[lang]) {
    if (texts[other]) return fallback(texts[other] as string, other, lang);
  }
  return '-';
}

/** A technical value (id, hash, amount): isolated left-to-right inside Arabic text. */
const code = (value: unknown) => html`<bdi dir="ltr" class="code">${value ?? '-'}</bdi>`;
/** An ISO date or instant: left to right, never broken at its hyphens or colons. */
const instant = (value: unknown) => html`<bdi dir="ltr" class="code instant">${value ?? '-'}</bdi>`;
/** A value in the direction of its own first letter (free text written in any language). */
const text = (value: unknown) => html`<bdi>${value ?? '-'}</bdi>`;
/** Money in the dossier language's format (fr-MA, ar-MA: Latin digits, right to left in Arabic). */
const money = (value: MoneyLike | null | undefined, lang: DossierLanguage) =>
  html`<bdi dir="${lang === 'ar' ? 'rtl' : 'ltr'}" class="money">${formatMoneyIn(value, lang)}</bdi>`;
const ISO_DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:?\d{2}))?$/;

/** A difference's value: money in the dossier's format, anything else as short JSON. */
const shown = (value: unknown, lang: DossierLanguage) =>
  isMoney(value) ? money(value, lang) : code(showValue(value));

/** A timeline fact: its amounts in the dossier's format, a date or instant unbroken, else text. */
function factValue(fact: Fact, lang: DossierLanguage): Html {
  if (ISO_DATE_OR_INSTANT.test(fact.value)) return instant(fact.value);
  if (!fact.money || fact.money.length === 0) return text(fact.value);
  const parts: (Html | string)[] = [];
  let rest = fact.value;
  for (const amount of fact.money) {
    const english = formatMoney(amount);
    const at = rest.indexOf(english);
    if (at < 0) continue;
    parts.push(rest.slice(0, at), money(amount, lang));
    rest = rest.slice(at + english.length);
  }
  parts.push(rest);
  return html`<bdi>${parts}</bdi>`;
}

const points = (centipoints: number | null | undefined) =>
  html`<bdi dir="ltr">${formatPoints(centipoints)}</bdi>`;

function fieldsTable(rows: [Html | string, Html | string][]): Html {
  return html`<table class="fields">
    <tbody>
      ${rows.map(
        ([head, value]) =>
          html`<tr>
            <th scope="row">${head}</th>
            <td>${value}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function sealTable(seal: DossierSeal, t: (key: string) => Html | string): Html {
  return fieldsTable([
    [t('position'), code(seal.position)],
    [t('count'), code(seal.count)],
    [t('sealedAt'), instant(seal.sealedAt)],
    [t('digest'), code(seal.digest)],
    [t('keyId'), code(seal.keyId)],
    [t('signature'), code(seal.signature)],
    [
      t('signatureCheck'),
      seal.signatureValid === null
        ? t('signatureNotChecked')
        : seal.signatureValid
          ? html`<span class="same">${t('signatureValid')}</span>`
          : html`<span class="broken">${t('signatureInvalid')}</span>`,
    ],
  ]);
}

/**
 * The dossier as one HTML page: self-contained (inline CSS, no script, no external resource),
 * print-ready (@page A4, @media print), right to left with Arabic labels for `ar`. Every value
 * from the log is escaped.
 */
export function dossierHtml(dossier: Dossier, lang: DossierLanguage): string {
  // A label in the dossier's language; one that falls back to another language (or to its key) is marked.
  const labelled = (key: string, shownWhenMissing: string) => {
    const found = labelIn(lang, key);
    if (found.lang === lang) return found.text;
    return fallback(found.lang === null ? shownWhenMissing : found.text, found.lang, lang);
  };
  const t = (key: string) => labelled(key, key);
  const status = (value: string) => labelled(`status.${value}`, value);
  const eventName = (type: string) => labelled(`event.${type}`, type);
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  const a = dossier.application;
  const criteria = dossier.criteria?.criteria ?? [];
  const criterionName = (id: string) => localized(criteria.find((c) => c.criterionId === id)?.name, lang);
  const amount = (value: MoneyLike | null | undefined) => money(value, lang);
  const verdictClass = dossier.verdict === 'same' ? 'same' : 'different';

  const header = html`<header>
    <h1>${t('dossierTitle')} — ${code(a.applicationId)}</h1>
    <p class="subtitle">${localized(a.title, lang)}</p>
    ${fieldsTable([
      [t('application'), code(a.applicationId)],
      [t('association'), code(a.associationId)],
      [
        t('call'),
        dossier.call ? html`${code(dossier.call.callId)} — ${localized(dossier.call.title, lang)}` : '-',
      ],
      [t('status'), status(a.status)],
      [t('amountRequested'), amount(a.amountRequested)],
      [t('submittedAt'), instant(a.submittedAt)],
      [t('asOf'), instant(dossier.asOf)],
      [t('generatedAt'), instant(dossier.generatedAt)],
      [t('store'), code(dossier.store)],
    ])}
    <p class="verdict ${verdictClass}">${t('verdict')}: ${t(`verdict.${dossier.verdict}`)}</p>
  </header>`;

  const d = dossier.decision;
  const r = dossier.recommendation;
  const decision = html`<section id="decision">
    <h2>${t('decision')}</h2>
    ${
      d === null
        ? html`<p>${t('noDecision')}</p>`
        : fieldsTable([
            [t('decision'), d.kind === 'award' ? t('award') : t('rejection')],
            ...(d.kind === 'award'
              ? ([
                  [t('amount'), amount(d.amount)],
                  [
                    t('ranking'),
                    d.ranking === null
                      ? t('notRecorded')
                      : html`${t('rank')} ${code(d.ranking.rank ?? '-')} · ${t('fundedSet')}:
                        ${d.ranking.fundedSet ? t('yes') : html`<span class="different">${t('no')}</span>`}`,
                  ],
                  [
                    t('derogation'),
                    d.derogation === null
                      ? t('none')
                      : html`${text(d.derogation.reason)} (${code(d.derogation.committeeMembers.join(', '))})`,
                  ],
                  [t('rationale'), text(d.rationale)],
                  [
                    t('conditions'),
                    d.conditions.length === 0
                      ? t('none')
                      : html`<ul class="plain">
                          ${d.conditions.map((c) => html`<li>${text(c)}</li>`)}
                        </ul>`,
                  ],
                ] as [Html | string, Html | string][])
              : ([
                  [
                    t('reasons'),
                    html`<ul class="plain">
                      ${d.reasons.map((c) => html`<li>${text(c)}</li>`)}
                    </ul>`,
                  ],
                  [t('appealDeadline'), instant(d.appealDeadline)],
                ] as [Html | string, Html | string][])),
            [t('committee'), code(d.committeeMembers.join(', '))],
            [t('consensus'), points(d.consensus)],
            [t('criteriaVersion'), code(d.criteriaVersion)],
            [t('scoringRulesVersion'), code(d.scoringRulesVersion)],
            [t('envelope'), code(d.envelopeId)],
            [t('recordedRemaining'), amount(d.envelopeRemaining)],
            [t('decidedAt'), instant(d.decidedAt)],
            [t('decidedBy'), code(d.by)],
            [t('recordedAt'), instant(d.recordedAt)],
            [t('position'), code(d.position)],
          ])
    }
    ${
      r === null
        ? ''
        : html`<h3>${t('recommendation')}</h3>
            ${fieldsTable([
              [t('recommendation'), r.recommended ? t('recommended') : t('notRecommended')],
              [t('rank'), code(r.rank ?? '-')],
              [t('consensus'), points(r.consensus)],
              [t('rationale'), text(r.rationale)],
              [t('committee'), code(r.committeeMembers.join(', '))],
              [t('recordedAt'), instant(r.recordedAt)],
            ])}`
    }
    ${
      dossier.appeal
        ? html`<h3>${t('appeal')}</h3>
            ${fieldsTable([
              [t('status'), status(dossier.appeal.status)],
              [t('grounds'), text(dossier.appeal.grounds)],
            ])}`
        : ''
    }
  </section>`;

  const e = dossier.envelope;
  const envelope = html`<section id="envelope">
    <h2>${e?.at === 'as-of' ? t('envelopeAtAsOf') : t('envelopeAtDecision')}</h2>
    ${
      e === null
        ? html`<p>${t('none')}</p>`
        : fieldsTable([
            [t('envelope'), code(e.envelopeId)],
            [t('status'), status(e.status)],
            [t('amount'), amount(e.amount)],
            [t('committed'), amount(e.committed)],
            [t('disbursed'), amount(e.disbursed)],
            [t('remaining'), amount(e.remaining)],
            ...(e.commitment
              ? ([
                  [
                    t('applicationCommitment'),
                    html`${amount({ amountMinor: e.commitment.committedMinor, currency: e.amount?.currency ?? '' })}
                    (${status(e.commitment.status)})`,
                  ],
                ] as [Html | string, Html | string][])
              : []),
            ...(e.recordedRemaining
              ? ([[t('recordedRemaining'), amount(e.recordedRemaining)]] as [Html | string, Html][])
              : []),
          ])
    }
  </section>`;

  const findings = dossier.money.findings;
  const moneyFacts = html`<section id="money">
    <h2>${t('money')}</h2>
    ${findings.some((f) => f.severity === 'error') ? '' : html`<p class="same">${t('moneyAllHold')}</p>`}
    ${
      findings.length === 0
        ? ''
        : html`<table>
            <thead>
              <tr>
                <th>${t('check')}</th>
                <th>${t('severity')}</th>
                <th>${t('event')}</th>
                <th>${t('field')}</th>
                <th>${t('recorded')}</th>
                <th>${t('recomputed')}</th>
                <th>${t('note')}</th>
              </tr>
            </thead>
            <tbody>
              ${findings.map(
                (f) =>
                  html`<tr>
                    <td>${t(`money.${f.check}`)}</td>
                    <td>
                      ${f.severity === 'error' ? html`<span class="different">${t('severity.error')}</span>` : t('severity.note')}
                    </td>
                    <td>
                      ${f.type === null ? '-' : html`${eventName(f.type)}<br />${code(f.position)} · ${instant(f.recordedAt)}`}
                    </td>
                    <td>${code(f.field)}</td>
                    <td>
                      ${f.check === 'ranking-not-recorded' ? t('notRecorded') : shown(f.recorded, lang)}
                    </td>
                    <td>${shown(f.recomputed, lang)}</td>
                    <td>${code(f.note)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
  </section>`;

  const scores = html`<section id="scores">
    <h2>${t('scores')}</h2>
    <table>
      <thead>
        <tr>
          <th>${t('evaluator')}</th>
          <th>${t('criterion')}</th>
          <th>${t('points')}</th>
          <th>${t('comment')}</th>
        </tr>
      </thead>
      <tbody>
        ${dossier.scores.map((s) =>
          s.scores.length === 0
            ? html`<tr>
                <td>${code(s.evaluatorId)} (${status(s.status)})</td>
                <td colspan="3">${t('none')}</td>
              </tr>`
            : s.scores.map(
                (score, i) =>
                  html`<tr>
                    ${i === 0 ? html`<td rowspan="${s.scores.length}">${code(s.evaluatorId)}<br />${status(s.status)} · ${status(s.declaration)}<br />${instant(s.scoredAt)}</td>` : ''}
                    <td>${criterionName(score.criterionId)}</td>
                    <td class="num">${code(score.points)}</td>
                    <td>${text(score.comment)}</td>
                  </tr>`,
              ),
        )}
      </tbody>
    </table>
    ${
      dossier.consensus === null
        ? ''
        : html`<h3>${t('consensus')} (${code(dossier.consensus.rulesVersion)})</h3>
            <table>
              <thead>
                <tr>
                  <th>${t('criterion')}</th>
                  <th>${t('weight')}</th>
                  <th>${t('threshold')}</th>
                  <th>${t('consensus')}</th>
                  <th>${t('spread')}</th>
                  <th>${t('passed')}</th>
                </tr>
              </thead>
              <tbody>
                ${dossier.consensus.perCriterion.map(
                  (c) =>
                    html`<tr>
                      <td>${criterionName(c.criterionId)}</td>
                      <td class="num">${code(`${c.weight} %`)}</td>
                      <td class="num">${code(c.threshold)}</td>
                      <td class="num">${points(c.consensus)}</td>
                      <td class="num">${code(`${c.lowest} – ${c.highest}`)}</td>
                      <td>${c.passed ? t('yes') : html`<span class="different">${t('no')}</span>`}</td>
                    </tr>`,
                )}
                <tr>
                  <th>${t('overall')}</th>
                  <td></td>
                  <td class="num">${code(dossier.consensus.overallThreshold)}</td>
                  <td class="num">${points(dossier.consensus.consensus)}</td>
                  <td></td>
                  <td>
                    ${dossier.consensus.passedThresholds ? t('yes') : html`<span class="different">${t('no')}</span>`}
                  </td>
                </tr>
              </tbody>
            </table>`
    }
  </section>`;

  const conflicts = html`<section id="conflicts">
    <h2>${t('conflicts')}</h2>
    ${
      dossier.conflicts.length === 0
        ? html`<p>${t('none')}</p>`
        : html`<table>
            <thead>
              <tr>
                <th>${t('evaluator')}</th>
                <th>${t('declaration')}</th>
                <th>${t('statement')}</th>
                <th>${t('date')}</th>
                <th>${t('recordedAt')}</th>
              </tr>
            </thead>
            <tbody>
              ${dossier.conflicts.map(
                (c) =>
                  html`<tr>
                    <td>${code(c.evaluatorId)}</td>
                    <td>${t(c.kind)}</td>
                    <td>${c.statement !== null ? text(c.statement) : code((c.links ?? []).join('; '))}</td>
                    <td>${instant(c.at)}</td>
                    <td>${instant(c.recordedAt)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
  </section>`;

  const recomputation = html`<section id="recomputation">
    <h2>${t('recomputation')}</h2>
    ${
      dossier.recomputations.length === 0
        ? html`<p>${t('nothingToRecompute')}</p>`
        : html`<table>
            <thead>
              <tr>
                <th>${t('event')}</th>
                <th>${t('recordedAt')}</th>
                <th>${t('scoringRulesVersion')}</th>
                <th>${t('result')}</th>
                <th>${t('differences')}</th>
              </tr>
            </thead>
            <tbody>
              ${dossier.recomputations.map(
                (rc) =>
                  html`<tr>
                    <td>${eventName(rc.type)}</td>
                    <td>${instant(rc.recordedAt)}</td>
                    <td>${code(rc.rulesVersion)}</td>
                    <td>
                      ${rc.same ? html`<span class="same">${t('same')}</span>` : html`<span class="different">${t('different')}</span>`}
                    </td>
                    <td>
                      ${
                        rc.differences.length === 0
                          ? ''
                          : html`<ul class="plain">
                              ${rc.differences.map(
                                (df) =>
                                  html`<li>
                                    ${code(df.field)}: ${t('recorded')} ${shown(df.recorded, lang)},
                                    ${t('recomputed')} ${shown(df.recomputed, lang)}
                                  </li>`,
                              )}
                            </ul>`
                      }
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
  </section>`;

  const timeline = html`<section id="timeline">
    <h2>${t('timeline')}</h2>
    <table>
      <thead>
        <tr>
          <th>${t('recordedAt')}</th>
          <th>${t('occurredAt')}</th>
          <th>${t('event')}</th>
          <th>${t('actor')}</th>
          <th>${t('facts')}</th>
        </tr>
      </thead>
      <tbody>
        ${dossier.timeline.map(
          (entry) =>
            html`<tr>
              <td>${instant(entry.recordedAt)}</td>
              <td>${instant(entry.occurredAt)}</td>
              <td>${eventName(entry.type)}</td>
              <td>
                ${entry.actor ? html`${code(entry.actor.id)}<br />${code(entry.actor.roles.join(', '))}` : '-'}
              </td>
              <td>
                ${
                  entry.facts.length === 0
                    ? ''
                    : html`<ul class="plain">
                        ${entry.facts.map((f) => html`<li>${t(f.key)}: ${factValue(f, lang)}</li>`)}
                      </ul>`
                }
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;

  const proof = html`<section id="proof">
    <h2>${t('proof')}</h2>
    <table>
      <thead>
        <tr>
          <th>${t('stream')}</th>
          <th>${t('events')}</th>
          <th>${t('eventsAsOf')}</th>
          <th>${t('firstHash')}</th>
          <th>${t('lastHash')}</th>
          <th>${t('chain')}</th>
        </tr>
      </thead>
      <tbody>
        ${dossier.proof.streams.map(
          (s) =>
            html`<tr>
              <td>${code(s.streamId)}</td>
              <td class="num">${code(s.events)}</td>
              <td class="num">${code(s.eventsAsOf)}</td>
              <td>${code(s.firstHash)}</td>
              <td>${code(s.lastHash)}</td>
              <td>
                ${s.ok ? html`<span class="same">${t('holds')}</span>` : html`<span class="broken">${t('broken')}: ${code(`${s.broken?.reason} @ ${s.broken?.revision}`)}</span>`}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
    <h3>${t('seal')}</h3>
    ${dossier.proof.seal ? sealTable(dossier.proof.seal, t) : html`<p>${t('noSeal')}</p>`}
    ${
      dossier.proof.firstCoveringSeal &&
      dossier.proof.firstCoveringSeal.position !== dossier.proof.seal?.position
        ? html`<h3>${t('firstSeal')}</h3>
            ${sealTable(dossier.proof.firstCoveringSeal, t)}`
        : ''
    }
    <p>${t('note')}: ${code(dossier.proof.note)}</p>
  </section>`;

  return `<!DOCTYPE html>
${
  html`<html lang="${lang}" dir="${dir}">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${label(lang, 'dossierTitle')} — ${a.applicationId}</title>
      <style>
        ${new Html(STYLE)}
      </style>
    </head>
    <body>
      ${header}
      <main>
        ${decision} ${envelope} ${moneyFacts} ${scores} ${conflicts} ${recomputation} ${timeline} ${proof}
      </main>
      <footer>${t('footer')}</footer>
    </body>
  </html>`.text
}
`;
}
