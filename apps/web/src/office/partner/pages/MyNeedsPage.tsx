import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  NativeSelect,
  Pagination,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { localizedField, moneyField, recordField, textField } from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { useSession } from '../../../session/SessionProvider';
import { STRINGS as OFFICE_STRINGS } from '../../strings';
import { myNeedsQuery, NeedStatus } from '../queries';
import { STRINGS } from '../strings';

const STATUSES: readonly NeedStatus[] = ['open', 'matched', 'addressed', 'withdrawn'];

/** The needs the partner published, in every status, each leading to its matches and actions. */
export function MyNeedsPage() {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const publisherId = useSession().actor?.organisationId ?? '';
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<NeedStatus | undefined>(undefined);
  const needs = useQuery(myNeedsQuery(publisherId, page, status));
  return (
    <Stack gap="md">
      <Title order={1}>{t('home.title')}</Title>
      <Text>{t('home.intro')}</Text>
      <Group>
        <Button component={Link} to="/office/partner/needs/new">
          {t('home.publish')}
        </Button>
        <Button component={Link} to="/office/partner/organisation" variant="default">
          {t('home.organisation')}
        </Button>
      </Group>
      <NativeSelect
        label={t('home.filter')}
        w={240}
        data={[
          { value: '', label: t('home.all') },
          ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
        ]}
        value={status ?? ''}
        onChange={(event) => {
          setPage(1);
          setStatus(STATUSES.find((s) => s === event.currentTarget.value));
        }}
      />
      {needs.isPending && <Loader aria-label={tOffice('form.loading')} />}
      {needs.isError && <Alert color="red" title={tOffice('form.loadError')} />}
      {needs.data && needs.data.items.length === 0 && <Text>{t('home.empty')}</Text>}
      {needs.data && needs.data.items.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('home.columns.title')}</Table.Th>
              <Table.Th>{t('home.columns.location')}</Table.Th>
              <Table.Th>{t('home.columns.sector')}</Table.Th>
              <Table.Th>{t('home.columns.priority')}</Table.Th>
              <Table.Th>{t('home.columns.budget')}</Table.Th>
              <Table.Th>{t('home.columns.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {needs.data.items.map((item) => {
              const id = textField(item, 'needId') ?? '';
              const budget = moneyField(item, 'estimatedBudget');
              const itemStatus = textField(item, 'status') ?? '';
              return (
                <Table.Tr key={id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/office/partner/needs/${encodeURIComponent(id)}`}>
                      {localizedField(item, 'title', language) ?? id}
                    </Anchor>
                  </Table.Td>
                  <Table.Td dir="ltr">
                    {textField(recordField(item, 'location') ?? {}, 'code') ?? '—'}
                  </Table.Td>
                  <Table.Td>{textField(item, 'sector') ?? '—'}</Table.Td>
                  <Table.Td>{t(`priority.${textField(item, 'priority')}`)}</Table.Td>
                  <Table.Td>{budget ? format.money(budget.amountMinor, budget.currency) : '—'}</Table.Td>
                  <Table.Td>
                    <Badge>{t(`status.${itemStatus}`, { defaultValue: itemStatus })}</Badge>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {needs.data && needs.data.total > needs.data.pageSize && (
        <Pagination
          total={Math.ceil(needs.data.total / needs.data.pageSize)}
          value={page}
          onChange={setPage}
          getControlProps={(control) => ({
            'aria-label': control === 'previous' ? tOffice('form.previous') : tOffice('form.next'),
          })}
        />
      )}
    </Stack>
  );
}
