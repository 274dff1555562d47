import { Badge, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import {
  ApiRecord,
  localizedField,
  moneyField,
  recordField,
  recordListField,
  textField,
  textListField,
} from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { useReferenceNames } from '../../../api/reference-data';
import { useRegionNames } from '../../../pages/shared/use-region-names';
import { STRINGS } from '../strings';

/** The terms in force (or the draft): object, period, parties with roles and commitments, sectors, regions. */
export function AgreementTerms(props: { record: ApiRecord; nameOf(id: string): string }) {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const { sectorName } = useReferenceNames();
  const { nameOf: regionName } = useRegionNames();
  const terms = recordField(props.record, 'terms') ?? {};
  const status = textField(props.record, 'status') ?? '';
  const start = textField(terms, 'startDate');
  const end = textField(terms, 'endDate');
  const totals = recordListField(props.record, 'commitmentTotals')
    .map((m) => moneyField({ m }, 'm'))
    .filter((m) => m !== undefined);
  const commitment = (c: ApiRecord) => {
    const amount = moneyField(c, 'amount');
    if (textField(c, 'kind') === 'money' && amount) return format.money(amount.amountMinor, amount.currency);
    const estimate = moneyField(c, 'estimatedValue');
    const text = t('agreement.inKind', { description: localizedField(c, 'description', language) ?? '—' });
    return estimate
      ? `${text} ${t('agreement.estimated', { amount: format.money(estimate.amountMinor, estimate.currency) })}`
      : text;
  };
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Title order={1}>
          {localizedField(terms, 'object', language) ?? textField(props.record, 'agreementId')}
        </Title>
        <Badge color="gray.8" aria-label={`${t('agreement.lifecycle')}: ${t(`status.${status}`)}`}>
          {t(`status.${status}`, { defaultValue: status })}
        </Badge>
      </Group>
      {start && end && (
        <Text>{t('agreement.period', { start: format.date(start), end: format.date(end) })}</Text>
      )}
      <Title order={2} size="h3">
        {t('agreement.parties')}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('agreement.party')}</Table.Th>
              <Table.Th>{t('agreement.kind')}</Table.Th>
              <Table.Th>{t('agreement.roles')}</Table.Th>
              <Table.Th>{t('agreement.commitments')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {recordListField(terms, 'parties').map((party) => {
              const partyId = textField(party, 'partyId') ?? '';
              const commitments = recordListField(party, 'commitments');
              return (
                <Table.Tr key={partyId}>
                  <Table.Td>{props.nameOf(partyId)}</Table.Td>
                  <Table.Td>{t(`partyKind.${textField(party, 'partyKind')}`)}</Table.Td>
                  <Table.Td>
                    {textListField(party, 'roles')
                      .map((r) => t(`role.${r}`))
                      .join(', ')}
                  </Table.Td>
                  <Table.Td>
                    {commitments.length === 0 ? t('agreement.none') : commitments.map(commitment).join(' · ')}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {totals.length > 0 && (
        <Text fw={600}>
          {t('agreement.totals', {
            amounts: totals.map((m) => format.money(m.amountMinor, m.currency)).join(' + '),
          })}
        </Text>
      )}
      <List spacing={4}>
        <List.Item>
          {t('agreement.sectors')}:{' '}
          {textListField(terms, 'sectors')
            .map((code) => sectorName(code))
            .join(', ') || '—'}
        </List.Item>
        <List.Item>
          {t('agreement.regions')}:{' '}
          {recordListField(terms, 'regions')
            .map((r) => regionName(textField(r, 'code') ?? ''))
            .join(', ') || '—'}
        </List.Item>
      </List>
    </Stack>
  );
}
