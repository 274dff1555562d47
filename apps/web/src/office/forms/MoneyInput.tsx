import { Group, NativeSelect, TextInput } from '@mantine/core';
import { parseMoneyInput } from '../../format/money';
import { useStrings } from '../../i18n/strings';
import { STRINGS } from '../strings';

export const CURRENCIES = ['MAD', 'EUR', 'USD'] as const;

export interface MoneyInputValue {
  /** As typed, in major units and the reader's digits ("1 250 000,50", "١٢٥٠٠٠٠"). */
  text: string;
  currency: string;
}

/** The amount as the API takes it (minor units as a decimal string), or null when not an amount. */
export function moneyBody(value: MoneyInputValue): { amountMinor: string; currency: string } | null {
  const minor = parseMoneyInput(value.text, value.currency);
  return minor === null ? null : { amountMinor: minor.toString(), currency: value.currency };
}

/**
 * An amount in a currency, typed in major units in any of the reader's conventions; the platform's
 * errors for `${pointer}/amountMinor` and `${pointer}/currency` show under it.
 */
export function MoneyInput(props: {
  label: string;
  value: MoneyInputValue;
  onChange(value: MoneyInputValue): void;
  error(pointer: string): string | undefined;
  pointer: string;
  currencies?: readonly string[];
  required?: boolean;
}) {
  const { t } = useStrings(STRINGS);
  const typedWrong = props.value.text.trim() !== '' && moneyBody(props.value) === null;
  return (
    <Group align="flex-start" gap="xs" wrap="nowrap">
      <TextInput
        label={props.label}
        inputMode="decimal"
        required={props.required}
        value={props.value.text}
        onChange={(event) => props.onChange({ ...props.value, text: event.currentTarget.value })}
        error={
          (typedWrong ? t('form.amountInvalid') : undefined) ??
          props.error(`${props.pointer}/amountMinor`) ??
          props.error(props.pointer)
        }
        style={{ flex: 1 }}
      />
      <NativeSelect
        label={t('form.currency')}
        data={[...(props.currencies ?? CURRENCIES)]}
        value={props.value.currency}
        onChange={(event) => props.onChange({ ...props.value, currency: event.currentTarget.value })}
        error={props.error(`${props.pointer}/currency`)}
      />
    </Group>
  );
}
