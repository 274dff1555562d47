import { Badge, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import type { ReplayDto } from '../../api/generated';
import { useStrings } from '../../i18n/strings';
import { STRINGS } from './strings';

const show = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? '-'));

/** Each consensus, recommendation and decision recomputed, its differences, and the money facts. */
export function Recomputations({ replay }: { replay: ReplayDto }) {
  const { t } = useStrings(STRINGS);
  return (
    <>
      <section aria-labelledby="audit-recomputations">
        <Title order={2} size="h3" id="audit-recomputations" mb="sm">
          {t('replay.recomputations')}
        </Title>
        {replay.recomputations.length === 0 ? (
          <Text c="dimmed">{t('replay.noRecomputation')}</Text>
        ) : (
          <Stack gap="sm">
            {replay.recomputations.map((r) => (
              <Stack gap={4} key={r.eventId}>
                <Group gap="sm">
                  <Text fw={600} dir="ltr">
                    {r.type} #{r.revision}
                  </Text>
                  <Badge color={r.same ? 'teal.9' : 'red.9'} variant="filled">
                    {t(r.same ? 'replay.recomputedSame' : 'replay.recomputedDifferent')}
                  </Badge>
                  {r.rulesVersion && (
                    <Text size="sm">
                      {t('replay.rulesVersion')}: <span dir="ltr">{r.rulesVersion}</span>
                    </Text>
                  )}
                </Group>
                {r.differences.length > 0 && (
                  <Table aria-label={t('replay.differences')}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('replay.field')}</Table.Th>
                        <Table.Th>{t('replay.recorded')}</Table.Th>
                        <Table.Th>{t('replay.recomputedValue')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {r.differences.map((d) => (
                        <Table.Tr key={d.field} dir="ltr">
                          <Table.Td>{d.field}</Table.Td>
                          <Table.Td>{show(d.recorded)}</Table.Td>
                          <Table.Td>{show(d.recomputed)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
              </Stack>
            ))}
          </Stack>
        )}
      </section>
      <section aria-labelledby="audit-money">
        <Title order={2} size="h3" id="audit-money" mb="sm">
          {t('replay.money')}
        </Title>
        {replay.money.findings.length === 0 ? (
          <Text>{t('replay.moneyFine')}</Text>
        ) : (
          <List spacing={4}>
            {replay.money.findings.map((f, i) => (
              <List.Item key={`${f.check}-${i}`}>
                <Badge color={f.severity === 'error' ? 'red.9' : 'gray.8'} variant="filled" me="xs">
                  {f.check}
                </Badge>
                <span lang="en" dir="ltr">
                  {f.field}: {f.note}
                </span>
              </List.Item>
            ))}
          </List>
        )}
      </section>
    </>
  );
}
