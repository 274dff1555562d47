import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
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
import { STRINGS as OFFICE_STRINGS } from '../../strings';
import { nextStep } from '../next-step';
import { myApplicationsQuery } from '../queries';
import { STRINGS } from '../strings';

/** The association's applications, each with its status and what to do next. */
export function MyApplicationsPage() {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const [page, setPage] = useState(1);
  const applications = useQuery(myApplicationsQuery(page));
  const now = new Date();
  return (
    <Stack gap="md">
      <Title order={1}>{t('home.title')}</Title>
      <Text>{t('home.intro')}</Text>
      <Group>
        <Button component={Link} to="/office/association/applications/new">
          {t('home.new')}
        </Button>
        <Button component={Link} to="/office/association/profile" variant="default">
          {t('home.profile')}
        </Button>
      </Group>
      {applications.isPending && <Loader aria-label={tOffice('form.loading')} />}
      {applications.isError && <Alert color="red" title={tOffice('form.loadError')} />}
      {applications.data && applications.data.items.length === 0 && <Text>{t('home.empty')}</Text>}
      {applications.data && applications.data.items.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('home.columns.title')}</Table.Th>
              <Table.Th>{t('home.columns.status')}</Table.Th>
              <Table.Th>{t('home.columns.requested')}</Table.Th>
              <Table.Th>{t('home.columns.next')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {applications.data.items.map((item) => {
              const id = textField(item, 'applicationId') ?? '';
              const status = textField(item, 'status') ?? '';
              const requested = moneyField(item, 'amountRequested');
              const decision = recordField(item, 'decision');
              const deadline = decision ? textField(decision, 'appealDeadline') : undefined;
              return (
                <Table.Tr key={id}>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/office/association/applications/${encodeURIComponent(id)}`}
                    >
                      {localizedField(item, 'title', language) ?? id}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge>{t(`status.${status}`, { defaultValue: status })}</Badge>
                  </Table.Td>
                  <Table.Td>
                    {requested ? format.money(requested.amountMinor, requested.currency) : '—'}
                  </Table.Td>
                  <Table.Td>
                    {t(`next.${nextStep(item, now)}`, { date: deadline ? format.dateTime(deadline) : '' })}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {applications.data && applications.data.total > applications.data.pageSize && (
        <Pagination
          total={Math.ceil(applications.data.total / applications.data.pageSize)}
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
