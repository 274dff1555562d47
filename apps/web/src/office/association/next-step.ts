import { ApiRecord, moneyField, recordField, recordListField, textField } from '../../api/record-fields';

export interface Tranche {
  trancheId: string;
  amount?: { amountMinor: string | number; currency: string };
  dueOn?: string;
  releasedAt?: string;
  /** submitted, approved, returned; undefined while no report was sent. */
  report?: string;
}

/**
 * The tranches of an award: the list answers them as `tranches` (report: its status), the record
 * as `agreement.tranches` (report: `{ reportId, status }`).
 */
export function tranchesOf(application: ApiRecord): Tranche[] {
  const listed = recordListField(application, 'tranches');
  const rows =
    listed.length > 0 ? listed : recordListField(recordField(application, 'agreement') ?? {}, 'tranches');
  return rows.flatMap((row) => {
    const trancheId = textField(row, 'trancheId');
    if (!trancheId) return [];
    const report = textField(row, 'report') ?? textField(recordField(row, 'report') ?? {}, 'status');
    return [
      {
        trancheId,
        amount: moneyField(row, 'amount'),
        dueOn: textField(row, 'dueOn'),
        releasedAt: textField(row, 'releasedAt'),
        report,
      },
    ];
  });
}

/** A released tranche whose report is due: none sent yet, or the one sent was returned. */
export const reportDue = (tranche: Tranche): boolean =>
  !!tranche.releasedAt && (tranche.report === undefined || tranche.report === 'returned');

export type NextStep =
  | 'complete'
  | 'screening'
  | 'evaluation'
  | 'ineligible'
  | 'committee'
  | 'report'
  | 'agreement'
  | 'followUp'
  | 'appeal'
  | 'appealLodged'
  | 'closed';

/** What the association does next with an application, or waits for (keys of `next.*`). */
export function nextStep(application: ApiRecord, now: Date): NextStep {
  const decision = recordField(application, 'decision');
  const appeal = recordField(application, 'appeal');
  switch (textField(application, 'status')) {
    case 'draft':
      return 'complete';
    case 'submitted':
      return 'screening';
    case 'eligible':
    case 'under-evaluation':
    case 'scored':
      return 'evaluation';
    case 'ineligible':
      return 'ineligible';
    case 'recommended':
    case 'not-recommended':
      return 'committee';
    case 'awarded':
      if (tranchesOf(application).some(reportDue)) return 'report';
      return recordField(application, 'agreement') ? 'followUp' : 'agreement';
    case 'rejected': {
      if (textField(appeal ?? {}, 'status') === 'lodged') return 'appealLodged';
      const deadline = decision ? textField(decision, 'appealDeadline') : undefined;
      if (!appeal && deadline && new Date(deadline).getTime() > now.getTime()) return 'appeal';
      return 'closed';
    }
    default:
      return 'closed';
  }
}

/** Where an application ends (the platform refuses a withdrawal from these): no withdraw button. */
export const FINAL_STATUSES: readonly string[] = ['ineligible', 'rejected', 'withdrawn'];
