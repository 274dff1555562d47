import { Group, Text } from '@mantine/core';
import { useFormatters } from '../../../format/use-formatters';
import { useStrings } from '../../../i18n/strings';
import { STRINGS } from '../strings';

export interface Balance {
  amount: bigint;
  committed: bigint;
  disbursed: bigint;
  currency: string;
}

/** Share of the amount, in thousandths, exact for any size of amount. */
const share = (part: bigint, whole: bigint): number =>
  whole <= 0n ? 0 : Number((part * 1000n) / whole) / 10;

export const BAR_COLOURS = { disbursed: '#1864ab', committed: '#74c0fc', remaining: '#e9ecef' };

/**
 * An envelope's money as one bar: disbursed, committed but not yet paid, remaining. The amounts
 * are in the image's name (and the legend), the bar only shows their shares.
 */
export function BalanceBar(props: { balance: Balance; withLegend?: boolean; width?: number }) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const { amount, committed, disbursed, currency } = props.balance;
  const money = (minor: bigint) => format.money(minor, currency);
  const remaining = amount - committed;
  const paid = share(disbursed, amount);
  const pending = share(committed - disbursed, amount);
  const label = t('balance.label', {
    amount: money(amount),
    committed: money(committed),
    disbursed: money(disbursed),
    remaining: money(remaining),
  });
  const width = props.width ?? 200;
  return (
    <div>
      <svg
        role="img"
        aria-label={label}
        width={width}
        height={14}
        viewBox="0 0 100 14"
        preserveAspectRatio="none"
      >
        <rect x={0} y={0} width={100} height={14} fill={BAR_COLOURS.remaining} />
        <rect x={0} y={0} width={paid} height={14} fill={BAR_COLOURS.disbursed} />
        <rect x={paid} y={0} width={pending} height={14} fill={BAR_COLOURS.committed} />
      </svg>
      {props.withLegend && (
        <Group gap="md" mt={4} aria-hidden="true">
          {(['disbursed', 'committed', 'remaining'] as const).map((part) => (
            <Group key={part} gap={4}>
              <span
                style={{
                  display: 'inline-block',
                  width: 10,
                  height: 10,
                  background: BAR_COLOURS[part],
                  border: '1px solid #495057',
                }}
              />
              <Text size="xs">{t(`balance.${part}`)}</Text>
            </Group>
          ))}
        </Group>
      )}
    </div>
  );
}
