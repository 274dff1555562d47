import { Stack, Text, Timeline, Title } from '@mantine/core';
import { ApiRecord, numberField, recordField, recordListField, textField } from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { useStrings } from '../../../i18n/strings';
import { STRINGS } from '../strings';
import { useDuration } from '../use-duration';

/** The request's steps with their instants and the time each took; its age while it waits. */
export function SupportSteps(props: { record: ApiRecord }) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const duration = useDuration();
  const r = props.record;
  const durations = recordField(r, 'durations') ?? {};
  const took = (key: string) => {
    const ms = numberField(durations, key);
    return ms === undefined ? null : t('support.took', { duration: duration(ms) });
  };
  const assignments = recordListField(r, 'assignments');
  const answeredAt = textField(r, 'answeredAt');
  const closedAt = textField(r, 'closedAt');
  const withdrawnAt = textField(r, 'withdrawnAt');
  const age = numberField(r, 'ageMs');
  const total = numberField(durations, 'total');
  const steps: { title: string; at: string; took: string | null }[] = [
    { title: t('support.stepReceived'), at: textField(r, 'receivedAt') ?? '', took: null },
    ...assignments.map((a, i) => ({
      title: t('support.stepAssigned', { officer: textField(a, 'officerId') ?? '—' }),
      at: textField(a, 'at') ?? '',
      took: i === 0 ? took('receivedToAssigned') : null,
    })),
    ...(answeredAt
      ? [
          {
            title: t('support.stepAnswered', { officer: textField(r, 'answeredBy') ?? '—' }),
            at: answeredAt,
            took: took('assignedToAnswered'),
          },
        ]
      : []),
    ...(closedAt ? [{ title: t('support.stepClosed'), at: closedAt, took: took('answeredToClosed') }] : []),
    ...(withdrawnAt ? [{ title: t('support.stepWithdrawn'), at: withdrawnAt, took: null }] : []),
  ];
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('support.steps')}
      </Title>
      <Timeline active={steps.length - 1} bulletSize={14} lineWidth={2} color="blue.9">
        {steps.map((step) => (
          <Timeline.Item key={`${step.title}-${step.at}`} title={step.title}>
            <Text size="sm">
              {step.at ? format.dateTime(step.at) : '—'}
              {step.took ? ` · ${step.took}` : ''}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
      {age !== undefined && <Text fw={600}>{t('support.waiting', { duration: duration(age) })}</Text>}
      {total !== undefined && closedAt && <Text>{t('support.total', { duration: duration(total) })}</Text>}
    </Stack>
  );
}
