import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { moneyField } from '../../api/record-fields';
import { useFormatters } from '../../format/use-formatters';
import { useStrings } from '../../i18n/strings';
import { STRINGS } from './strings';

type Money = NonNullable<ReturnType<typeof moneyField>>;

/** The envelope's remaining amount before the decision, and after it once the platform answered. */
export function EnvelopeRemaining(props: { envelopeId: string; before: Money | undefined; after?: Money }) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const money = (value: Money | undefined) => (value ? format.money(value.amountMinor, value.currency) : '—');
  return (
    <section aria-labelledby="envelope-title">
      <Card withBorder padding="sm">
        <Stack gap={4}>
          <Title order={2} size="h4" id="envelope-title">
            {t('award.envelopeTitle')} {props.envelopeId}
          </Title>
          <Group gap="xl">
            <Text data-testid="remaining-before">
              {t('labelled', { label: t('award.remainingBefore'), value: money(props.before) })}
            </Text>
            {props.after && (
              <Text fw={700} data-testid="remaining-after">
                {t('labelled', { label: t('award.remainingAfter'), value: money(props.after) })}
              </Text>
            )}
          </Group>
        </Stack>
      </Card>
    </section>
  );
}
