import { List, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { moneyField, textField } from '../../api/record-fields';
import { useFormatters } from '../../format/use-formatters';
import { useStrings } from '../../i18n/strings';
import { envelopeQuery } from './queries';
import { CallRankingView, sharePercent } from './ranking';
import { STRINGS } from './strings';

/** The call's budget as the ranking spends it, and what the envelope it draws on has left. */
export function BudgetSummary(props: { ranking: CallRankingView; envelopeId: string | undefined }) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const envelope = useQuery({ ...envelopeQuery(props.envelopeId ?? ''), enabled: !!props.envelopeId });
  const envelopeRemaining = envelope.data && moneyField(envelope.data, 'remaining');
  const { budget, funded, remaining } = props.ranking;
  const money = (value: typeof budget) => (value ? format.money(value.amountMinor, value.currency) : '—');
  const share = sharePercent(funded, budget);
  return (
    <section aria-labelledby="budget-title">
      <Stack gap="xs">
        <Title order={2} size="h3" id="budget-title">
          {t('call.budgetTitle')}
        </Title>
        <List spacing={2}>
          <List.Item>{t('labelled', { label: t('call.callBudget'), value: money(budget) })}</List.Item>
          <List.Item>{t('labelled', { label: t('call.funded'), value: money(funded) })}</List.Item>
          <List.Item>{t('labelled', { label: t('call.remaining'), value: money(remaining) })}</List.Item>
          {props.envelopeId && (
            <List.Item>
              {t('labelled', {
                label: t('call.envelopeRemaining', {
                  envelope: (envelope.data && textField(envelope.data, 'envelopeId')) ?? props.envelopeId,
                }),
                value: money(envelopeRemaining ?? undefined),
              })}
            </List.Item>
          )}
        </List>
        <Text size="sm">{t('labelled', { label: t('call.fundedShare'), value: format.percent(share) })}</Text>
        <Progress.Root size="lg">
          <Progress.Section value={share} color="teal.8" aria-label={t('call.fundedShare')} />
        </Progress.Root>
      </Stack>
    </section>
  );
}
