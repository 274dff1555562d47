import { ApiRecord, moneyField } from '../../api/record-fields';
import type { Balance } from './components/BalanceBar';

/** An envelope's balance as read (list item or the envelope itself), or undefined if incomplete. */
export function balanceOf(envelope: ApiRecord): Balance | undefined {
  const amount = moneyField(envelope, 'amount');
  const committed = moneyField(envelope, 'committed');
  const disbursed = moneyField(envelope, 'disbursed');
  if (!amount || !committed || !disbursed) return undefined;
  return {
    amount: BigInt(amount.amountMinor),
    committed: BigInt(committed.amountMinor),
    disbursed: BigInt(disbursed.amountMinor),
    currency: amount.currency,
  };
}
