import { Badge, Code, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useFormatters } from '../../../format/use-formatters';
import { useStrings } from '../../../i18n/strings';
import type { VersionColumn } from '../agreement-versions';
import { STRINGS } from '../strings';

/** A calendar date the reader reads in its locale, its ISO value kept for machines. */
export function CalendarDate(props: { value: string }) {
  const format = useFormatters();
  return <time dateTime={props.value}>{format.date(props.value)}</time>;
}

/**
 * The original and each amendment or renewal, one column each: what changed, who signed for
 * which party and when, the date it took effect.
 */
export function VersionsSideBySide(props: { versions: VersionColumn[]; nameOf(id: string): string }) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('agreement.versions')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: Math.min(props.versions.length, 3) }}>
        {props.versions.map((v) => {
          const heading = t('agreement.version', { version: format.count(v.version) });
          const headingId = `version-${v.version}-${v.amendmentId ?? 'original'}`;
          return (
            <Paper key={headingId} withBorder p="sm" component="section" aria-labelledby={headingId}>
              <Stack gap="xs">
                <Group gap="xs">
                  <Title order={3} size="h4" id={headingId}>
                    {heading}
                  </Title>
                  <Badge color="gray.8">{t(`versionKind.${v.kind}`, { defaultValue: v.kind })}</Badge>
                  <Badge color={v.state === 'in-force' ? 'teal.9' : 'gray.8'}>
                    {t(`versionState.${v.state}`)}
                  </Badge>
                </Group>
                {v.reason && <Text size="sm">{t('agreement.reason', { reason: v.reason })}</Text>}
                {v.endDate && (
                  <Text size="sm">
                    {t('agreement.endDate', { date: '' })}
                    <CalendarDate value={v.endDate} />
                  </Text>
                )}
                <Text size="sm" fw={600}>
                  {t('agreement.differences')}
                </Text>
                {v.differences.length === 0 ? (
                  <Text size="sm">{t('agreement.noDifferences')}</Text>
                ) : (
                  <List size="sm">
                    {v.differences.map((d) => (
                      <List.Item key={d}>
                        <Code dir="ltr">{d}</Code>
                      </List.Item>
                    ))}
                  </List>
                )}
                <Table aria-label={`${heading}: ${t('agreement.signatures')}`}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('agreement.party')}</Table.Th>
                      <Table.Th>{t('agreement.signatures')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {v.signatories.map(({ partyId, signature }) => (
                      <Table.Tr key={partyId}>
                        <Table.Td>{props.nameOf(partyId)}</Table.Td>
                        <Table.Td>
                          {signature?.signedOn ? (
                            <>
                              <CalendarDate value={signature.signedOn} />{' '}
                              <Text span size="xs">
                                {t('agreement.signedBy', { signatory: signature.signatoryId ?? '—' })}
                              </Text>
                            </>
                          ) : (
                            t('agreement.awaiting')
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                {v.effectiveOn && (
                  <Text size="sm" fw={600}>
                    {t('agreement.effectiveOn', { date: '' })}
                    <CalendarDate value={v.effectiveOn} />
                  </Text>
                )}
                {v.withdrawalReason && (
                  <Text size="sm">{t('agreement.withdrawnBecause', { reason: v.withdrawalReason })}</Text>
                )}
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
