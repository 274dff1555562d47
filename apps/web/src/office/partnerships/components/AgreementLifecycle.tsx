import { List, Stack, Text, Title } from '@mantine/core';
import { ApiRecord, recordField, recordListField, textField } from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { useStrings } from '../../../i18n/strings';
import { STRINGS } from '../strings';

/** Suspensions (from, to, why) and how the agreement ended, when it did. */
export function AgreementLifecycle(props: { record: ApiRecord }) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const suspensions = recordListField(props.record, 'suspensions');
  const ending = recordField(props.record, 'ending');
  if (suspensions.length === 0 && !ending) return null;
  const kind = ending ? textField(ending, 'kind') : undefined;
  const endingDate = ending
    ? (textField(ending, kind === 'terminated' ? 'effectiveOn' : kind === 'expired' ? 'endDate' : 'at') ?? '')
    : '';
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('agreement.lifecycle')}
      </Title>
      {suspensions.length > 0 && (
        <List spacing={4} aria-label={t('agreement.suspensions')}>
          {suspensions.map((s) => {
            const from = format.date(textField(s, 'from') ?? '');
            const to = textField(s, 'to');
            const reason = textField(s, 'reason') ?? '';
            return (
              <List.Item key={textField(s, 'from')}>
                {to
                  ? t('agreement.suspension', { from, to: format.date(to), reason })
                  : t('agreement.suspensionOpen', { from, reason })}
              </List.Item>
            );
          })}
        </List>
      )}
      {ending && kind && (
        <Text fw={600}>
          {t(`agreement.ending.${kind}`, {
            date: endingDate ? format.date(endingDate) : '—',
            reason: textField(ending, 'reason') ?? textField(ending, 'note') ?? '',
          })}
        </Text>
      )}
    </Stack>
  );
}
