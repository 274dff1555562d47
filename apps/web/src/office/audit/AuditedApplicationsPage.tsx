import { Alert, Anchor, Loader, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiRecord, localizedField, textField } from '../../api/record-fields';
import { usePreferences } from '../../i18n/PreferencesProvider';
import { useStrings } from '../../i18n/strings';
import { AuditNav } from './AuditNav';
import { auditedApplicationsQuery } from './queries';
import { STRINGS } from './strings';

const PAGE_SIZE = 20;

/** The applications the auditor reads, each with its replay. */
export function AuditedApplicationsPage() {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const [page, setPage] = useState(1);
  const applications = useQuery(auditedApplicationsQuery(page));
  const statusText = (status: string | undefined) =>
    status === undefined ? '-' : t(`applications.statuses.${status}`, { defaultValue: status });

  return (
    <Stack gap="md">
      <Title order={1}>{t('applications.title')}</Title>
      <AuditNav />
      <Text>{t('applications.intro')}</Text>
      {applications.isPending ? (
        <Loader aria-label={t('applications.loading')} />
      ) : applications.isError ? (
        <Alert color="red" role="alert">
          {t('applications.error')}
        </Alert>
      ) : applications.data.items.length === 0 ? (
        <Text c="dimmed">{t('applications.none')}</Text>
      ) : (
        <>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('applications.application')}</Table.Th>
                <Table.Th>{t('applications.status')}</Table.Th>
                <Table.Th>{t('applications.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {applications.data.items.map((item: ApiRecord) => {
                const id = textField(item, 'applicationId') ?? '';
                const title = localizedField(item, 'title', language) ?? id;
                return (
                  <Table.Tr key={id}>
                    <Table.Td>
                      <Text>{title}</Text>
                      <Text size="xs" c="dimmed" dir="ltr">
                        {id}
                      </Text>
                    </Table.Td>
                    <Table.Td>{statusText(textField(item, 'status'))}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/office/audit/applications/${encodeURIComponent(id)}`}>
                        {t('applications.replay')}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {applications.data.total > PAGE_SIZE && (
            <Pagination
              total={Math.ceil(applications.data.total / PAGE_SIZE)}
              value={page}
              onChange={setPage}
              getControlProps={() => ({ 'aria-label': t('applications.page') })}
            />
          )}
        </>
      )}
    </Stack>
  );
}
