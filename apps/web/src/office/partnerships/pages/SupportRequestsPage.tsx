import { Alert, Anchor, Badge, Loader, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { numberField, textField } from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { useSession } from '../../../session/SessionProvider';
import { STRINGS as OFFICE_STRINGS } from '../../strings';
import { Pager } from '../components/Pager';
import { PartnershipsNav } from '../components/PartnershipsNav';
import {
  nameIn,
  registryNamesQuery,
  SUPPORT_REQUEST_STATUSES,
  SupportRequestStatus,
  supportRequestsQuery,
} from '../queries';
import { STRINGS } from '../strings';
import { supportNextStep } from '../support-durations';
import { useDuration } from '../use-duration';

type Filter = SupportRequestStatus | 'open' | '';

/**
 * The support requests, oldest first with how long each has waited: the officer's queue (open
 * ones by default, the next step on each), or an organisation's own requests.
 */
export function SupportRequestsPage() {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const duration = useDuration();
  const session = useSession();
  const organisation =
    session.hasRole('association', 'partner') && !session.hasRole('officer', 'auditor', 'admin');
  const [page, setPage] = useState(1);
  const [filter, setFilter] = useState<Filter>(organisation ? '' : 'open');
  const requests = useQuery(
    supportRequestsQuery({
      page,
      pageSize: 20,
      ...(filter === 'open' ? { openOnly: true } : filter ? { status: filter } : {}),
    }),
  );
  const names = useQuery(registryNamesQuery);
  const nameOf = nameIn(names.data, language);
  return (
    <Stack gap="md">
      <PartnershipsNav />
      <Title order={1}>{organisation ? t('support.mineTitle') : t('support.title')}</Title>
      <Text>{organisation ? t('support.mineIntro') : t('support.intro')}</Text>
      <NativeSelect
        label={t('support.filterStatus')}
        w={260}
        data={[
          { value: 'open', label: t('support.openOnly') },
          { value: '', label: t('support.all') },
          ...SUPPORT_REQUEST_STATUSES.map((s) => ({ value: s, label: t(`supportStatus.${s}`) })),
        ]}
        value={filter}
        onChange={(event) => {
          setPage(1);
          const value = event.currentTarget.value;
          setFilter(value === 'open' ? 'open' : (SUPPORT_REQUEST_STATUSES.find((s) => s === value) ?? ''));
        }}
      />
      {requests.isPending && <Loader aria-label={tOffice('form.loading')} />}
      {requests.isError && <Alert color="red" title={tOffice('form.loadError')} />}
      {requests.data && requests.data.items.length === 0 && <Text>{t('support.empty')}</Text>}
      {requests.data && requests.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={820}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('support.columns.subject')}</Table.Th>
                <Table.Th>{t('support.columns.requester')}</Table.Th>
                <Table.Th>{t('support.columns.kind')}</Table.Th>
                <Table.Th>{t('support.columns.received')}</Table.Th>
                <Table.Th>{t('support.columns.age')}</Table.Th>
                <Table.Th>{t('support.columns.officer')}</Table.Th>
                <Table.Th>{t('support.columns.status')}</Table.Th>
                {!organisation && <Table.Th>{t('support.columns.next')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {requests.data.items.map((item) => {
                const id = textField(item, 'requestId') ?? '';
                const status = textField(item, 'status') ?? '';
                const age = numberField(item, 'ageMs');
                const received = textField(item, 'receivedAt');
                const to = `/office/partnerships/support/${encodeURIComponent(id)}`;
                const next = supportNextStep(status);
                return (
                  <Table.Tr key={id}>
                    <Table.Td>
                      <Anchor component={Link} to={to}>
                        {textField(item, 'subject') ?? id}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{nameOf(textField(item, 'requesterId') ?? '')}</Table.Td>
                    <Table.Td>{t(`supportKind.${textField(item, 'kind')}`)}</Table.Td>
                    <Table.Td>{received ? format.date(received) : '—'}</Table.Td>
                    <Table.Td>{age === undefined ? '—' : duration(age)}</Table.Td>
                    <Table.Td>{textField(item, 'officerId') ?? t('support.unassigned')}</Table.Td>
                    <Table.Td>
                      <Badge color="gray.8">{t(`supportStatus.${status}`, { defaultValue: status })}</Badge>
                    </Table.Td>
                    {!organisation && (
                      <Table.Td>
                        {next === 'none' ? (
                          t('support.next.none')
                        ) : (
                          <Anchor
                            component={Link}
                            to={to}
                            aria-label={`${t(`support.next.${next}`)}: ${textField(item, 'subject') ?? id}`}
                          >
                            {t(`support.next.${next}`)}
                          </Anchor>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {requests.data && <Pager page={requests.data} value={page} onChange={setPage} />}
    </Stack>
  );
}
