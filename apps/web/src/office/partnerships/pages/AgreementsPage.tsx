import { Alert, Anchor, Badge, Loader, NativeSelect, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { localizedField, numberField, recordListField, textField } from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { STRINGS as OFFICE_STRINGS } from '../../strings';
import { Pager } from '../components/Pager';
import { PartnershipsNav } from '../components/PartnershipsNav';
import { AGREEMENT_STATUSES, AgreementStatus, agreementsQuery, nameIn, registryNamesQuery } from '../queries';
import { STRINGS } from '../strings';

/** The agreements the reader may see (an organisation: those it is a party to), by status and party. */
export function AgreementsPage() {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<AgreementStatus | undefined>(undefined);
  const [partyId, setPartyId] = useState('');
  const agreements = useQuery(
    agreementsQuery({ page, pageSize: 20, ...(status && { status }), ...(partyId && { partyId }) }),
  );
  const names = useQuery(registryNamesQuery);
  const nameOf = nameIn(names.data, language);
  const partyOptions = (names.data ?? [])
    .map((r) => textField(r, 'associationId') ?? textField(r, 'actorId') ?? '')
    .filter((id) => id !== '');
  return (
    <Stack gap="md">
      <PartnershipsNav />
      <Title order={1}>{t('agreements.title')}</Title>
      <Text>{t('agreements.intro')}</Text>
      <Group align="end">
        <NativeSelect
          label={t('agreements.filterStatus')}
          w={240}
          data={[
            { value: '', label: t('agreements.all') },
            ...AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
          value={status ?? ''}
          onChange={(event) => {
            setPage(1);
            setStatus(AGREEMENT_STATUSES.find((s) => s === event.currentTarget.value));
          }}
        />
        <NativeSelect
          label={t('agreements.filterParty')}
          w={320}
          data={[
            { value: '', label: t('agreements.all') },
            ...partyOptions.map((id) => ({ value: id, label: nameOf(id) })),
          ]}
          value={partyId}
          onChange={(event) => {
            setPage(1);
            setPartyId(event.currentTarget.value);
          }}
        />
      </Group>
      {agreements.isPending && <Loader aria-label={tOffice('form.loading')} />}
      {agreements.isError && <Alert color="red" title={tOffice('form.loadError')} />}
      {agreements.data && agreements.data.items.length === 0 && <Text>{t('agreements.empty')}</Text>}
      {agreements.data && agreements.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('agreements.columns.object')}</Table.Th>
                <Table.Th>{t('agreements.columns.parties')}</Table.Th>
                <Table.Th>{t('agreements.columns.period')}</Table.Th>
                <Table.Th>{t('agreements.columns.version')}</Table.Th>
                <Table.Th>{t('agreements.columns.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {agreements.data.items.map((item) => {
                const id = textField(item, 'agreementId') ?? '';
                const itemStatus = textField(item, 'status') ?? '';
                const start = textField(item, 'startDate');
                const end = textField(item, 'endDate');
                const pending = numberField(item, 'pendingVersion');
                return (
                  <Table.Tr key={id}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/office/partnerships/agreements/${encodeURIComponent(id)}`}
                      >
                        {localizedField(item, 'object', language) ?? id}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {recordListField(item, 'parties')
                        .map((p) => nameOf(textField(p, 'partyId') ?? ''))
                        .join(' · ')}
                    </Table.Td>
                    <Table.Td>
                      {start && end
                        ? t('agreement.period', { start: format.date(start), end: format.date(end) })
                        : '—'}
                    </Table.Td>
                    <Table.Td>
                      {t('agreements.version', {
                        version: format.count(numberField(item, 'currentVersion') ?? 0),
                      })}
                      {pending
                        ? ` (${t('agreements.pendingVersion', { version: format.count(pending) })})`
                        : ''}
                    </Table.Td>
                    <Table.Td>
                      <Badge color="gray.8">{t(`status.${itemStatus}`, { defaultValue: itemStatus })}</Badge>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {agreements.data && <Pager page={agreements.data} value={page} onChange={setPage} />}
    </Stack>
  );
}
