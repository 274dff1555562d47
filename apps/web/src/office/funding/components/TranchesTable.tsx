import { Button, Group, Stack, Table, Textarea } from '@mantine/core';
import { useState } from 'react';
import { agreementsControllerRelease, agreementsControllerReview } from '../../../api/generated';
import { ApiRecord, moneyField, recordField, textField } from '../../../api/record-fields';
import { useCommand } from '../../../api/use-command';
import { useFormatters } from '../../../format/use-formatters';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { STRINGS } from '../strings';

interface TrancheProps {
  applicationId: string;
  tranche: ApiRecord;
  /** The first tranche not yet paid: the one the officer may release next. */
  next: boolean;
  revision?: number;
  invalidates: unknown[][];
  onDone(message: string): void;
}

/** The agreement's tranches in order: when due, paid or not, its report, and the officer's next step. */
export function TranchesTable(props: Omit<TrancheProps, 'tranche' | 'next'> & { tranches: ApiRecord[] }) {
  const { t } = useStrings(STRINGS);
  const nextIndex = props.tranches.findIndex((tranche) => !textField(tranche, 'releasedAt'));
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('tranches.columns.tranche')}</Table.Th>
          <Table.Th>{t('tranches.columns.amount')}</Table.Th>
          <Table.Th>{t('tranches.columns.due')}</Table.Th>
          <Table.Th>{t('tranches.columns.released')}</Table.Th>
          <Table.Th>{t('tranches.columns.report')}</Table.Th>
          <Table.Th>{t('tranches.columns.action')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.tranches.map((tranche, index) => (
          <TrancheRow
            key={textField(tranche, 'trancheId')}
            {...props}
            tranche={tranche}
            next={index === nextIndex}
          />
        ))}
      </Table.Tbody>
    </Table>
  );
}

function TrancheRow(props: TrancheProps) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const trancheId = textField(props.tranche, 'trancheId') ?? '';
  const amount = moneyField(props.tranche, 'amount');
  const dueOn = textField(props.tranche, 'dueOn');
  const releasedAt = textField(props.tranche, 'releasedAt');
  const report = recordField(props.tranche, 'report');
  const reportStatus = report ? textField(report, 'status') : undefined;
  const path = { applicationId: props.applicationId, trancheId };
  const release = useCommand({
    run: async (_: void, headers) =>
      (await agreementsControllerRelease({ path, headers, throwOnError: true })).data,
    ifMatch: props.revision,
    invalidates: props.invalidates,
    onSuccess: () => props.onDone(t('tranches.releasedDone', { id: trancheId })),
  });
  return (
    <Table.Tr>
      <Table.Td>{trancheId}</Table.Td>
      <Table.Td>{amount ? format.money(amount.amountMinor, amount.currency) : '—'}</Table.Td>
      <Table.Td>{dueOn ? format.date(dueOn) : '—'}</Table.Td>
      <Table.Td>{releasedAt ? format.date(releasedAt) : t('tranches.notReleased')}</Table.Td>
      <Table.Td>{reportStatus ? t(`tranches.report.${reportStatus}`) : t('tranches.report.none')}</Table.Td>
      <Table.Td>
        {props.next && (
          <Stack gap={4}>
            <CommandAlert command={release} />
            <Group>
              <Button size="xs" loading={release.pending} onClick={() => void release.submit()}>
                {t('tranches.release', { id: trancheId })}
              </Button>
            </Group>
          </Stack>
        )}
        {reportStatus === 'submitted' && <ReviewReport {...props} trancheId={trancheId} />}
      </Table.Td>
    </Table.Tr>
  );
}

/** Approving a tranche's report (the next tranche may then be released) or returning it, with a comment. */
function ReviewReport(props: TrancheProps & { trancheId: string }) {
  const { t } = useStrings(STRINGS);
  const [comment, setComment] = useState('');
  const review = useCommand({
    run: async (body: { approved: boolean; comment: string }, headers) =>
      (
        await agreementsControllerReview({
          path: { applicationId: props.applicationId, trancheId: props.trancheId },
          body,
          headers,
          throwOnError: true,
        })
      ).data,
    ifMatch: props.revision,
    invalidates: props.invalidates,
    onSuccess: (_r, body) =>
      props.onDone(
        t(body.approved ? 'tranches.approvedDone' : 'tranches.returnedDone', { id: props.trancheId }),
      ),
  });
  return (
    <Stack gap={4} miw={260}>
      <CommandAlert command={review} claimed={['/comment']} />
      <Textarea
        label={t('tranches.comment', { id: props.trancheId })}
        required
        autosize
        minRows={2}
        value={comment}
        onChange={(event) => setComment(event.currentTarget.value)}
        error={review.fieldError('/comment')}
      />
      <Group gap="xs">
        <Button
          size="xs"
          loading={review.pending}
          onClick={() => void review.submit({ approved: true, comment: comment.trim() })}
        >
          {t('tranches.approve')}
        </Button>
        <Button
          size="xs"
          color="red.9"
          variant="outline"
          loading={review.pending}
          onClick={() => void review.submit({ approved: false, comment: comment.trim() })}
        >
          {t('tranches.return')}
        </Button>
      </Group>
    </Stack>
  );
}
