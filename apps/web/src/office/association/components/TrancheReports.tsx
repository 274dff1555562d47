import { Button, Fieldset, Group, Stack, Table, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { agreementsControllerReport } from '../../../api/generated';
import type { ApiRecord } from '../../../api/record-fields';
import { useCommand } from '../../../api/use-command';
import { useFormatters } from '../../../format/use-formatters';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { reportDue, Tranche, tranchesOf } from '../next-step';
import { STRINGS } from '../strings';

/** An award's tranches: what was released, and the report due on each released one. */
export function TrancheReports(props: {
  applicationId: string;
  record: ApiRecord;
  onDone(message: string): void;
}) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const tranches = tranchesOf(props.record);
  if (tranches.length === 0) return null;
  return (
    <section aria-labelledby="tranches">
      <Title order={2} size="h3" id="tranches" mb="sm">
        {t('tranches.title')}
      </Title>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('tranches.tranche')}</Table.Th>
            <Table.Th>{t('tranches.amount')}</Table.Th>
            <Table.Th>{t('tranches.dueOn')}</Table.Th>
            <Table.Th>{t('tranches.released')}</Table.Th>
            <Table.Th>{t('tranches.report')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tranches.map((tranche) => (
            <Table.Tr key={tranche.trancheId}>
              <Table.Td dir="ltr">{tranche.trancheId}</Table.Td>
              <Table.Td>
                {tranche.amount ? format.money(tranche.amount.amountMinor, tranche.amount.currency) : '—'}
              </Table.Td>
              <Table.Td>{tranche.dueOn ? format.date(tranche.dueOn) : '—'}</Table.Td>
              <Table.Td>
                {tranche.releasedAt ? format.date(tranche.releasedAt) : t('tranches.notReleased')}
              </Table.Td>
              <Table.Td>
                {tranche.releasedAt ? t(`tranches.reports.${tranche.report ?? 'none'}`) : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Stack gap="md" mt="md">
        {tranches.filter(reportDue).map((tranche) => (
          <ReportForm
            key={tranche.trancheId}
            applicationId={props.applicationId}
            tranche={tranche}
            onDone={props.onDone}
          />
        ))}
      </Stack>
    </section>
  );
}

function ReportForm(props: { applicationId: string; tranche: Tranche; onDone(message: string): void }) {
  const { t } = useStrings(STRINGS);
  const [summary, setSummary] = useState('');
  const report = useCommand({
    run: async (value: string, headers) =>
      (
        await agreementsControllerReport({
          path: { applicationId: props.applicationId, trancheId: props.tranche.trancheId },
          body: { summary: value },
          headers,
          throwOnError: true,
        })
      ).data,
    invalidates: [['funding', 'applications']],
    onSuccess: () => props.onDone(t('tranches.sent')),
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void report.submit(summary.trim());
      }}
    >
      <Fieldset legend={t('tranches.summary', { id: props.tranche.trancheId })}>
        <Stack gap="xs">
          <CommandAlert command={report} claimed={['/summary']} />
          <Textarea
            label={t('tranches.summary', { id: props.tranche.trancheId })}
            required
            maxLength={5000}
            autosize
            minRows={3}
            value={summary}
            onChange={(event) => setSummary(event.currentTarget.value)}
            error={report.fieldError('/summary')}
          />
          <Group>
            <Button type="submit" loading={report.pending}>
              {t('tranches.submit')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}
