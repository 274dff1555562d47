import { LocalizedText } from '@tadamon/funding';
import { formatMoney, formatPoints, MoneyLike } from '../replay/format';
import { showDifferenceValue } from '../replay/replay-report';
import { Dossier, DossierSeal } from './dossier';
import { DossierLanguage } from './export-options';
import { html, Html } from './html';
import { label } from './labels';

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

/** A localized text in the dossier's language, else French (always present), else any. */
function localized(text: LocalizedText | null | undefined, lang: DossierLanguage): string {
  if (!text) return '-';
  return text[lang] ?? text.fr ?? text.en ?? text.ar ?? '-';
}

/** A technical value (id, hash, instant, amount): isolated left-to-right inside Arabic text. */
const code = (value: unknown) => html`<bdi dir="ltr" class="code">${value ?? '-'}</bdi>`;
/** A value in the direction of its own first letter (free text written in any language). */
const text = (value: unknown) => html`<bdi>${value ?? '-'}</bdi>`;
const money = (value: MoneyLike | null | undefined) => html`<bdi dir="ltr">${formatMoney(value)}</bdi>`;
const points = (centipoints: number | null | undefined) =>
  html`<bdi dir="ltr">${formatPoints(centipoints)}</bdi>`;

function fieldsTable(rows: [string, Html | string][]): Html {
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

function sealTable(seal: DossierSeal, t: (key: string) => string): Html {
  return fieldsTable([
    [t('position'), code(seal.position)],
    [t('count'), code(seal.count)],
    [t('sealedAt'), code(seal.sealedAt)],
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
  const t = (key: string) => label(lang, key);
  const status = (value: string) => t(`status.${value}`);
  const eventName = (type: string) => {
    const name = t(`event.${type}`);
    return name === `event.${type}` ? type : name;
  };
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  const a = dossier.application;
  const criteria = dossier.criteria?.criteria ?? [];
  const criterionName = (id: string) => localized(criteria.find((c) => c.criterionId === id)?.name, lang);
  const verdictClass = dossier.verdict === 'same' ? 'same' : 'different';

  const header = html`<header>
    <h1>${t('dossierTitle')} — ${code(a.applicationId)}</h1>
    <p class="subtitle">${text(localized(a.title, lang))}</p>
    ${fieldsTable([
      [t('application'), code(a.applicationId)],
      [t('association'), code(a.associationId)],
      [
        t('call'),
        dossier.call
          ? html`${code(dossier.call.callId)} — ${text(localized(dossier.call.title, lang))}`
          : '-',
      ],
      [t('status'), status(a.status)],
      [t('amountRequested'), money(a.amountRequested)],
      [t('submittedAt'), code(a.submittedAt)],
      [t('asOf'), code(dossier.asOf)],
      [t('generatedAt'), code(dossier.generatedAt)],
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
                  [t('amount'), money(d.amount)],
                  [t('rationale'), text(d.rationale)],
                  [
                    t('conditions'),
                    d.conditions.length === 0
                      ? t('none')
                      : html`<ul class="plain">
                          ${d.conditions.map((c) => html`<li>${text(c)}</li>`)}
                        </ul>`,
                  ],
                ] as [string, Html | string][])
              : ([
                  [
                    t('reasons'),
                    html`<ul class="plain">
                      ${d.reasons.map((c) => html`<li>${text(c)}</li>`)}
                    </ul>`,
                  ],
                  [t('appealDeadline'), code(d.appealDeadline)],
                ] as [string, Html | string][])),
            [t('committee'), code(d.committeeMembers.join(', '))],
            [t('consensus'), points(d.consensus)],
            [t('criteriaVersion'), code(d.criteriaVersion)],
            [t('scoringRulesVersion'), code(d.scoringRulesVersion)],
            [t('envelope'), code(d.envelopeId)],
            [t('recordedRemaining'), money(d.envelopeRemaining)],
            [t('decidedAt'), code(d.decidedAt)],
            [t('decidedBy'), code(d.by)],
            [t('recordedAt'), code(d.recordedAt)],
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
              [t('recordedAt'), code(r.recordedAt)],
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
            [t('amount'), money(e.amount)],
            [t('committed'), money(e.committed)],
            [t('disbursed'), money(e.disbursed)],
            [t('remaining'), money(e.remaining)],
            ...(e.commitment
              ? ([
                  [
                    t('applicationCommitment'),
                    html`${money({ amountMinor: e.commitment.committedMinor, currency: e.amount?.currency ?? '' })}
                    (${status(e.commitment.status)})`,
                  ],
                ] as [string, Html | string][])
              : []),
            ...(e.recordedRemaining
              ? ([[t('recordedRemaining'), money(e.recordedRemaining)]] as [string, Html][])
              : []),
          ])
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
                    ${i === 0 ? html`<td rowspan="${s.scores.length}">${code(s.evaluatorId)}<br />${status(s.status)} · ${status(s.declaration)}<br />${code(s.scoredAt)}</td>` : ''}
                    <td>${text(criterionName(score.criterionId))}</td>
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
                      <td>${text(criterionName(c.criterionId))}</td>
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
                    <td>${code(c.at)}</td>
                    <td>${code(c.recordedAt)}</td>
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
                    <td>${code(rc.recordedAt)}</td>
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
                                    ${code(df.field)}: ${t('recorded')}
                                    ${code(showDifferenceValue(df.recorded))}, ${t('recomputed')}
                                    ${code(showDifferenceValue(df.recomputed))}
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
              <td>${code(entry.recordedAt)}</td>
              <td>${code(entry.occurredAt)}</td>
              <td>${eventName(entry.type)}</td>
              <td>
                ${entry.actor ? html`${code(entry.actor.id)}<br />${code(entry.actor.roles.join(', '))}` : '-'}
              </td>
              <td>
                ${
                  entry.facts.length === 0
                    ? ''
                    : html`<ul class="plain">
                        ${entry.facts.map((f) => html`<li>${t(f.key)}: ${text(f.value)}</li>`)}
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
      <title>${t('dossierTitle')} — ${a.applicationId}</title>
      <style>
        ${new Html(STYLE)}
      </style>
    </head>
    <body>
      ${header}
      <main>${decision} ${envelope} ${scores} ${conflicts} ${recomputation} ${timeline} ${proof}</main>
      <footer>${t('footer')}</footer>
    </body>
  </html>`.text
}
`;
}
