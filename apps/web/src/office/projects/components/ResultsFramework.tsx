import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiRecord, localizedField, recordListField, textField } from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { useSession } from '../../../session/SessionProvider';
import { DoneNotice } from '../../forms/DoneNotice';
import {
  baselineValue,
  chartPeriods,
  IndicatorValue,
  readProgress,
  readUpdate,
  UpdateReading,
} from '../indicator-reading';
import { resultsQuery } from '../queries';
import { STRINGS } from '../strings';
import { ProgressChart } from './ProgressChart';
import { Section } from './Section';
import { SubmitUpdateForm } from './SubmitUpdateForm';
import { UpdateDecision } from './UpdateDecision';

const STATUS_COLOUR: Record<UpdateReading['status'], string> = {
  pending: 'indigo.9',
  approved: 'teal.9',
  returned: 'red.9',
  unknown: 'gray.9',
};

function Indicator(props: {
  indicator: ApiRecord;
  projectId: string;
  revision?: number;
  canDecide: boolean;
  onDone(message: string): void;
}) {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const { indicator } = props;
  const title = localizedField(indicator, 'title', language) ?? textField(indicator, 'indicatorId') ?? '';
  const unit = textField(indicator, 'unit');
  const measure = textField(indicator, 'measure') ?? 'unit';
  const show = (value: IndicatorValue | null) =>
    value === null
      ? '—'
      : typeof value === 'number'
        ? measure === 'percentage'
          ? format.percent(value)
          : format.count(value)
        : value;
  const progress = readProgress(indicator);
  const periods = chartPeriods(progress);
  const baseline = baselineValue(indicator);
  const updates = recordListField(indicator, 'updates').map(readUpdate);
  return (
    <Stack gap="sm" component="article" aria-label={title}>
      <Title order={4}>{title}</Title>
      <Text size="sm">
        {t(`measure.${measure}`, { unit: unit ?? '' })} · {t('indicator.baseline', { value: show(baseline) })}
      </Text>
      {periods && typeof baseline === 'number' && (
        <ProgressChart title={title} baseline={baseline} periods={periods} />
      )}
      <Table.ScrollContainer minWidth={560}>
        <Table captionSide="top">
          <Table.Caption>{t('indicator.progressCaption', { indicator: title })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('indicator.period')}</Table.Th>
              <Table.Th>{t('indicator.target')}</Table.Th>
              <Table.Th>{t('indicator.actual')}</Table.Th>
              <Table.Th>{t('indicator.progress')}</Table.Th>
              <Table.Th>{t('indicator.pending')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {progress.map((p) => (
              <Table.Tr key={p.periodStart}>
                <Table.Td>
                  {t('list.dates', { start: format.date(p.periodStart), end: format.date(p.periodEnd) })}
                </Table.Td>
                <Table.Td>{show(p.target)}</Table.Td>
                <Table.Td>{show(p.actual)}</Table.Td>
                <Table.Td>
                  {p.progress === null ? '—' : format.percent(Math.round(p.progress * 1000) / 10)}
                </Table.Td>
                <Table.Td>{format.count(p.pending)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Table.ScrollContainer minWidth={720}>
        <Table captionSide="top">
          <Table.Caption>{t('indicator.updatesCaption', { indicator: title })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('indicator.update')}</Table.Th>
              <Table.Th>{t('indicator.period')}</Table.Th>
              <Table.Th>{t('indicator.value')}</Table.Th>
              <Table.Th>{t('indicator.state')}</Table.Th>
              <Table.Th>{t('indicator.submitted')}</Table.Th>
              <Table.Th>{t('indicator.evidence')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {updates.map((u) => (
              <Table.Tr key={u.updateId}>
                <Table.Td>{u.updateId}</Table.Td>
                <Table.Td>
                  {t('list.dates', { start: format.date(u.periodStart), end: format.date(u.periodEnd) })}
                </Table.Td>
                <Table.Td>{show(u.value)}</Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    <Badge variant="outline" color={STATUS_COLOUR[u.status]}>
                      {t(`updateStatus.${u.status}`)}
                    </Badge>
                    {u.status === 'returned' && u.returnReason && (
                      <Text size="sm">{t('indicator.returnReason', { reason: u.returnReason })}</Text>
                    )}
                    {u.status !== 'pending' && u.decidedBy && (
                      <Text size="sm">
                        {t('indicator.decided', {
                          by: u.decidedBy,
                          at: u.decidedAt ? format.date(u.decidedAt) : '—',
                        })}
                      </Text>
                    )}
                    {u.status === 'pending' && props.canDecide && (
                      <UpdateDecision
                        projectId={props.projectId}
                        updateId={u.updateId}
                        revision={props.revision}
                        onDone={props.onDone}
                      />
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {t('indicator.submittedBy', {
                    by: u.submittedBy ?? '—',
                    at: u.submittedAt ? format.date(u.submittedAt) : '—',
                  })}
                  {u.comment && <Text size="sm">{u.comment}</Text>}
                </Table.Td>
                <Table.Td>{u.evidence.map((e) => e.name).join(', ') || '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {updates.length === 0 && <Text size="sm">{t('indicator.noUpdate')}</Text>}
    </Stack>
  );
}

/**
 * The project's results framework: outcomes then outputs, each indicator's progress against its
 * targets and its updates; officers decide pending updates here too; the carrying association
 * or an officer reports new values.
 */
export function ResultsFramework(props: { projectId: string; carrierId?: string }) {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const { hasRole, actor } = useSession();
  const results = useQuery(resultsQuery(props.projectId));
  const [done, setDone] = useState<string | null>(null);
  const canSubmit =
    hasRole('officer') || (hasRole('association') && actor?.organisationId === props.carrierId);
  if (results.isPending) return <Text>{t('loading')}</Text>;
  if (results.isError) return <Text c="red.9">{t('loadFailed')}</Text>;
  const { record, revision } = results.data;
  const list = recordListField(record, 'results');
  const indicators = list.flatMap((r) => recordListField(r, 'indicators'));
  return (
    <Section title={t('results.title')}>
      <DoneNotice message={done} />
      {list.length === 0 && <Text>{t('results.none')}</Text>}
      {list.map((result) => (
        <Stack key={textField(result, 'resultId')} gap="sm">
          <Title order={3}>
            {t(`results.level.${textField(result, 'level') ?? 'output'}`)} ·{' '}
            {localizedField(result, 'title', language) ?? textField(result, 'resultId')}
          </Title>
          {recordListField(result, 'indicators').map((indicator) => (
            <Indicator
              key={textField(indicator, 'indicatorId')}
              indicator={indicator}
              projectId={props.projectId}
              revision={revision}
              canDecide={hasRole('officer')}
              onDone={setDone}
            />
          ))}
        </Stack>
      ))}
      {canSubmit && indicators.length > 0 && (
        <Stack gap="xs">
          <Title order={3}>{t('submit.title')}</Title>
          <SubmitUpdateForm projectId={props.projectId} indicators={indicators} revision={revision} />
        </Stack>
      )}
    </Section>
  );
}
