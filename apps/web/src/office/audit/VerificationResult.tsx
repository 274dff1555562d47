import { Alert, List, Progress, Stack, Table, Text, Title } from '@mantine/core';
import type { LogVerificationDto } from '../../api/generated';
import { useFormatters } from '../../format/use-formatters';
import { useStrings } from '../../i18n/strings';
import { STRINGS } from './strings';

/** One verification: its progress while it runs, then its verdict, seals and first break. */
export function VerificationResult(props: { verification: LogVerificationDto }) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const { status, progress, result, error } = props.verification;
  if (status === 'running')
    return (
      <Stack gap={4}>
        <Text>
          {t('verify.running', {
            checked: format.count(progress.checked),
            total: format.count(progress.total),
          })}
        </Text>
        <Progress value={progress.percent} aria-label={t('verify.progress')} size="lg" animated />
      </Stack>
    );
  if (status === 'failed' || !result)
    return (
      <Alert color="red" role="alert">
        {t('verify.failed', { error: error ?? '' })}
      </Alert>
    );
  const ok = result.verdict === 'ok';
  const last = result.seals.last;
  return (
    <Stack gap="sm">
      <Alert
        variant="filled"
        color={ok ? 'teal.9' : 'red.9'}
        role="status"
        title={t(ok ? 'verify.ok' : 'verify.broken')}
      >
        {t('verify.events', {
          events: format.count(result.events),
          streams: format.count(result.chains.streams),
          head: format.count(result.head),
        })}
      </Alert>
      <List spacing={4}>
        <List.Item>{t(result.chains.ok ? 'verify.chainsOk' : 'verify.chainsBroken')}</List.Item>
        <List.Item>
          {last
            ? t('verify.seals', {
                count: format.count(result.seals.count),
                keyId: last.keyId,
                covered: format.count(last.count),
                position: format.count(last.position),
                sealedAt: format.dateTime(last.sealedAt),
              })
            : t('verify.noSeal')}
        </List.Item>
        <List.Item>
          {result.unsealed.count === 0
            ? t('verify.allSealed')
            : t('verify.unsealed', { count: result.unsealed.count })}
        </List.Item>
      </List>
      {result.firstBreak && (
        <section aria-labelledby="audit-first-break">
          <Title order={3} size="h4" id="audit-first-break">
            {t('verify.firstBreak')}
          </Title>
          <Table>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{t('verify.breakStream')}</Table.Th>
                <Table.Td dir="ltr">{result.firstBreak.streamId}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('verify.breakRevision')}</Table.Th>
                <Table.Td>{result.firstBreak.revision ?? '-'}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('verify.breakPosition')}</Table.Th>
                <Table.Td>{result.firstBreak.position ?? '-'}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('verify.breakReason')}</Table.Th>
                <Table.Td dir="ltr">{result.firstBreak.reason}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('verify.breakDetail')}</Table.Th>
                <Table.Td lang="en" dir="ltr">
                  {result.firstBreak.detail}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </section>
      )}
    </Stack>
  );
}
