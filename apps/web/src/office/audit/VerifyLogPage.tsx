import { Badge, Button, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { LogVerificationDto } from '../../api/generated';
import { useCommand } from '../../api/use-command';
import { useFormatters } from '../../format/use-formatters';
import { useStrings } from '../../i18n/strings';
import { CommandAlert } from '../forms/CommandAlert';
import { AuditNav } from './AuditNav';
import { startVerification, verificationQuery, verificationsQuery } from './queries';
import { STRINGS } from './strings';
import { VerificationResult } from './VerificationResult';

/** Verify the whole log: start, follow its progress, read its verdict; the past ones below. */
export function VerifyLogPage() {
  const { t } = useStrings(STRINGS);
  const history = useQuery(verificationsQuery);
  const queryClient = useQueryClient();
  const [shownId, setShownId] = useState<string | undefined>();
  const [startedId, setStartedId] = useState<string | undefined>();
  const start = useCommand({
    run: (_: void, headers) => startVerification(headers),
    invalidates: [verificationsQuery.queryKey],
    onSuccess: (verification) => {
      // The answer is the verification as it starts: shown at once, then polled (unless a poll was faster).
      const { queryKey } = verificationQuery(verification.id);
      if (queryClient.getQueryData(queryKey) === undefined) queryClient.setQueryData(queryKey, verification);
      setStartedId(verification.id);
      setShownId(verification.id);
    },
  });
  // Until one is picked, the newest (the running one when there is one).
  const currentId = shownId ?? history.data?.[0]?.id;
  const current = useQuery({ ...verificationQuery(currentId ?? ''), enabled: currentId !== undefined });
  const finished = current.data !== undefined && current.data.status !== 'running';
  const { refetch } = history;
  useEffect(() => {
    if (finished) void refetch();
  }, [finished, refetch]);

  return (
    <Stack gap="md">
      <Title order={1}>{t('verify.title')}</Title>
      <AuditNav />
      <Text>{t('verify.intro')}</Text>
      <div>
        <Button onClick={() => void start.submit()} loading={start.pending}>
          {t('verify.start')}
        </Button>
      </div>
      <CommandAlert command={start} />
      {startedId !== undefined && startedId === currentId && <Text size="sm">{t('verify.started')}</Text>}
      {current.data && <VerificationResult verification={current.data} />}
      <History
        verifications={history.data}
        loading={history.isPending}
        shownId={currentId}
        onShow={setShownId}
      />
    </Stack>
  );
}

function History(props: {
  verifications: LogVerificationDto[] | undefined;
  loading: boolean;
  shownId: string | undefined;
  onShow(id: string): void;
}) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  if (props.loading) return <Loader aria-label={t('verify.loading')} />;
  const rows = props.verifications ?? [];
  return (
    <section aria-labelledby="audit-history">
      <Title order={2} size="h3" id="audit-history" mb="sm">
        {t('verify.history')}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('verify.noHistory')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('verify.startedAt')}</Table.Th>
              <Table.Th>{t('verify.requestedBy')}</Table.Th>
              <Table.Th>{t('verify.verdict')}</Table.Th>
              <Table.Th>{t('verify.show')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>{format.dateTime(v.startedAt)}</Table.Td>
                <Table.Td dir="ltr">{v.requestedBy}</Table.Td>
                <Table.Td>
                  <VerdictBadge verification={v} />
                </Table.Td>
                <Table.Td>
                  {v.id === props.shownId ? (
                    <Text size="sm">{t('verify.shown')}</Text>
                  ) : (
                    <Button size="xs" variant="default" onClick={() => props.onShow(v.id)}>
                      {t('verify.show')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}

function VerdictBadge({ verification }: { verification: LogVerificationDto }) {
  const { t } = useStrings(STRINGS);
  if (verification.status === 'running') return <Badge color="blue">{t('verify.verdictRunning')}</Badge>;
  if (verification.status === 'failed' || !verification.result)
    return <Badge color="red">{t('verify.verdictFailed')}</Badge>;
  const ok = verification.result.verdict === 'ok';
  return (
    <Badge color={ok ? 'teal.9' : 'red.9'} variant="filled">
      {t(ok ? 'verify.ok' : 'verify.broken')}
    </Badge>
  );
}
