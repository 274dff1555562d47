import { GrantApplicationState } from '@tadamon/funding';
import {
  Difference,
  EnvelopeAsOf,
  formatMoney,
  formatPoints,
  isMoney,
  MoneyFinding,
  ReplayResult,
  showValue,
  TimelineEntry,
} from '@tadamon/audit';

/** A recorded or recomputed value for a person: amounts as money, the rest as short JSON. */
export function showDifferenceValue(value: unknown): string {
  return isMoney(value) ? formatMoney(value) : showValue(value);
}

export function differenceLine(d: Difference): string {
  return `${d.field}: recorded ${showDifferenceValue(d.recorded)}, recomputed ${showDifferenceValue(d.recomputed)}${d.note ? ` (${d.note})` : ''}`;
}

export function actorText(entry: TimelineEntry): string {
  if (!entry.actor) return '-';
  return entry.actor.roles.length > 0
    ? `${entry.actor.id} (${entry.actor.roles.join(', ')})`
    : entry.actor.id;
}

function stateLines(state: GrantApplicationState): string[] {
  if (state.status === 'none') return ['  status: none'];
  const lines = [`  status: ${state.status}${state.flag ? ` (flagged: ${state.flag.reason})` : ''}`];
  if (state.terms) {
    lines.push(
      `  terms: criteria version ${state.terms.criteriaVersion}, scoring rules ${state.terms.scoringRulesVersion}, ${state.terms.evaluatorsPerProposal} evaluators`,
    );
  }
  const evaluators = Object.values(state.evaluators);
  if (evaluators.length > 0) {
    lines.push(
      `  evaluators: ${evaluators
        .map(
          (e) =>
            `${e.evaluatorId} ${e.status}, ${e.declaration}${e.conflict ? ` (${e.conflict.source} conflict)` : ''}${e.scores ? ', scored' : ''}`,
        )
        .join('; ')}`,
    );
  }
  if (state.consensus) {
    const c = state.consensus;
    lines.push(
      `  consensus: ${formatPoints(c.consensus)} with ${c.rulesVersion}, ${c.passedThresholds ? 'every threshold passed' : `failed ${c.failedThresholds.join(', ')}`}`,
    );
  }
  if (state.recommendation) {
    const r = state.recommendation;
    lines.push(
      `  recommendation: ${r.recommended ? 'recommended' : 'not recommended'}, rank ${r.rank ?? '-'}, committee ${r.committeeMembers.join(', ')}`,
    );
  }
  if (state.decision) {
    const d = state.decision;
    lines.push(
      d.kind === 'award'
        ? `  decision: award of ${formatMoney(d.amount)} on ${d.envelopeId}, decided ${d.decidedAt}`
        : `  decision: rejection (${d.reasons.join('; ')}), decided ${d.decidedAt}, appeal until ${d.appealDeadline}`,
    );
  }
  if (state.appeal) lines.push(`  appeal: ${state.appeal.status}`);
  if (state.agreement) {
    const a = state.agreement;
    lines.push(
      `  agreement ${a.agreementId} signed ${a.signedOn}: ${a.tranches
        .map(
          (t) =>
            `${t.trancheId} ${formatMoney(t.amount)} ${t.releasedAt ? `released ${t.releasedAt}` : `due ${t.dueOn}`}${t.report ? `, report ${t.report.status}` : ''}`,
        )
        .join('; ')}`,
    );
  }
  return lines;
}

function envelopeLine(e: EnvelopeAsOf): string {
  if (e.status === 'none') return `  envelope ${e.envelopeId}: not open at as-of`;
  const commitment = e.commitment
    ? `; this application: committed ${formatMoney({ amountMinor: e.commitment.committedMinor, currency: e.amount?.currency ?? '' })}, ${e.commitment.status}`
    : '';
  return `  envelope ${e.envelopeId} (${e.status}): ${formatMoney(e.amount)}, committed ${formatMoney(e.committed)}, disbursed ${formatMoney(e.disbursed)}, remaining ${formatMoney(e.remaining)}${commitment}`;
}

const KINDS: Record<string, string> = {
  ConsensusScoreReached: 'consensus',
  GrantApplicationRecommended: 'recommendation',
  GrantApplicationNotRecommended: 'recommendation',
  GrantAwarded: 'decision',
  GrantApplicationRejected: 'decision',
};

/** A money finding in one line: its check, the event, what was recorded and what the log gives. */
export function moneyFindingLine(f: MoneyFinding): string {
  const where = f.position === null ? '' : ` (${f.type} at position ${f.position})`;
  return `${f.severity === 'error' ? 'MONEY' : 'note'} ${f.check}${where}: ${f.field} recorded ${showDifferenceValue(f.recorded)}, recomputed ${showDifferenceValue(f.recomputed)}; ${f.note}`;
}

/** The verdict line: what the exit code says, in one sentence. */
export function replayVerdictLine(result: ReplayResult): string {
  if (result.verdict === 'broken-chain') {
    const broken = result.chains.find((c) => !c.ok)?.broken;
    return `replay: BROKEN CHAIN: stream ${broken?.streamId}, revision ${broken?.revision}, event ${broken?.eventId}: ${broken?.reason} (the events read are not the ones written; run verify)`;
  }
  const all = result.recomputations;
  const moneyErrors = result.money.findings.filter((f) => f.severity === 'error');
  const moneyPart =
    moneyErrors.length === 0
      ? ''
      : `${moneyErrors.length} money finding(s): ${[...new Set(moneyErrors.map((f) => f.check))].join(', ')}`;
  if (all.length === 0)
    return moneyPart
      ? `replay: DIFFERENT: ${moneyPart}`
      : 'replay: SAME: nothing to recompute yet (no consensus, recommendation or decision at as-of); no money finding';
  const counts = Object.entries(
    all.reduce<Record<string, number>>(
      (n, r) => ({ ...n, [KINDS[r.type]]: (n[KINDS[r.type]] ?? 0) + 1 }),
      {},
    ),
  )
    .map(([kind, n]) => `${n} ${kind}${n > 1 ? 's' : ''}`)
    .join(', ');
  const different = all.filter((r) => !r.same);
  if (different.length === 0 && moneyPart === '') {
    return `replay: SAME: ${all.length} recomputation(s) (${counts}) give what was recorded, each with the scoring rules version it recorded; no money finding`;
  }
  const parts = [
    ...(different.length === 0
      ? []
      : [
          `${different.length} of ${all.length} recomputation(s) differ from what was recorded: ${different
            .map((r) => `${r.type} at position ${r.position}`)
            .join(', ')}`,
        ]),
    ...(moneyPart ? [moneyPart] : []),
  ];
  return `replay: DIFFERENT: ${parts.join('; ')}`;
}

/** The replay as text: header, chains, timeline, state at as-of, recomputations, today's rules, verdict. */
export function replayReport(result: ReplayResult, store: string): string {
  const lines: string[] = [];
  lines.push(`replay: application ${result.applicationId} as of ${result.asOf}, ${store}`);
  lines.push(
    `events: ${result.events.asOf} of the ${result.events.total} in ${result.streamId} were recorded at or before as-of`,
  );
  lines.push(
    `chains: ${result.chains
      .map(
        (c) =>
          `${c.streamId} ${c.events} events, ${c.ok ? 'chain holds' : `BROKEN at revision ${c.broken?.revision} (${c.broken?.reason})`}`,
      )
      .join('; ')}`,
  );
  lines.push('', 'timeline (recorded at, event, actor, facts):');
  const typeWidth = Math.max(0, ...result.timeline.map((t) => t.type.length));
  for (const t of result.timeline) {
    const facts = t.facts.map((f) => `${f.key}=${f.value}`).join('; ');
    lines.push(`  ${t.recordedAt}  ${t.type.padEnd(typeWidth)}  ${actorText(t)}${facts ? `  ${facts}` : ''}`);
  }
  lines.push('', 'state at as-of:', ...stateLines(result.state.application));
  if (result.state.call && result.state.call.status !== 'none') {
    const c = result.state.call;
    lines.push(
      `  call ${c.callId}: ${c.status}, criteria version ${c.criteriaVersion}, budget ${formatMoney(c.terms.budget)}`,
    );
  }
  lines.push(...result.state.envelopes.map(envelopeLine));

  lines.push('', 'recomputed with the scoring rules version each event recorded:');
  if (result.recomputations.length === 0) lines.push('  nothing yet');
  for (const r of result.recomputations) {
    lines.push(
      `  ${r.recordedAt}  ${r.type} (${r.rulesVersion ?? 'no version'}): ${r.same ? 'same' : 'DIFFERENT'}`,
    );
    for (const d of r.differences) lines.push(`      ${differenceLine(d)}`);
  }
  lines.push('', 'money facts recomputed from the log:');
  for (const checked of result.money.checked) lines.push(`  checked: ${checked}`);
  if (result.money.findings.length === 0) lines.push('  every money fact holds');
  for (const f of result.money.findings) lines.push(`  ${moneyFindingLine(f)}`);
  if (result.currentRules) {
    const current = result.currentRules;
    lines.push('', `with today's scoring rules (${current.version}):`);
    if (current.comparisons.length === 0) lines.push('  nothing to recompute');
    for (const c of current.comparisons) {
      const head = `  ${c.type} (${c.recordedVersion ?? '-'} -> ${c.currentVersion})`;
      if (c.same) {
        lines.push(`${head}: same${c.recordedVersion === c.currentVersion ? ' (the same version)' : ''}`);
        continue;
      }
      lines.push(`${head}: would differ${c.consequence ? `: ${c.consequence}` : ''}`);
      for (const d of c.differences) {
        lines.push(
          `      ${d.field}: ${showDifferenceValue(d.recorded)} -> ${showDifferenceValue(d.recomputed)}`,
        );
      }
    }
    const rank = current.rank;
    if (rank && rank.recorded && rank.current) {
      const fate = (f: NonNullable<typeof rank.recorded>) =>
        `${f.rank === null ? 'not ranked' : `rank ${f.rank}`} (${f.reason}, consensus ${formatPoints(f.consensus)})`;
      lines.push(
        `  rank in call ${rank.callId} among ${rank.applications} scored application(s), budget ${formatMoney(rank.budget)}: ${fate(rank.recorded)} as recorded, ${fate(rank.current)} with ${current.version}${rank.recorded.rank === rank.current.rank && rank.recorded.funded === rank.current.funded ? ': same' : ': would differ'}`,
      );
    }
    if (current.rankNote) lines.push(`  rank: ${current.rankNote}`);
  }
  lines.push('', replayVerdictLine(result));
  return `${lines.join('\n')}\n`;
}
