import { ApiRecord, recordField, recordListField, textField } from '../../api/record-fields';

export type CommitteeAction = 'consensus' | 'recommend' | 'decide' | 'reject' | 'appeal' | 'wait' | 'view';

/** How many of an application's evaluators (still on it) have scored. */
export function evaluatorsProgress(item: ApiRecord): { scored: number; assigned: number } {
  const active = recordListField(item, 'evaluators').filter((e) => textField(e, 'status') === 'assigned');
  return { scored: active.filter((e) => textField(e, 'scoredAt')).length, assigned: active.length };
}

/**
 * What the committee does next with an application of the call's board. The platform still
 * decides: a consensus asked before every evaluator scored answers 409, shown as it is.
 */
export function committeeAction(item: ApiRecord): CommitteeAction {
  const status = textField(item, 'status');
  if (textField(recordField(item, 'appeal') ?? {}, 'status') === 'lodged') return 'appeal';
  switch (status) {
    case 'under-evaluation': {
      const { scored, assigned } = evaluatorsProgress(item);
      return assigned > 0 && scored === assigned ? 'consensus' : 'wait';
    }
    case 'scored':
      return 'recommend';
    case 'recommended':
      return 'decide';
    case 'not-recommended':
      return 'reject';
    default:
      return 'view';
  }
}
