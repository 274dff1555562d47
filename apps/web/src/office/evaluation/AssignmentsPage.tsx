import { Alert, Anchor, Badge, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { localizedField, textField } from '../../api/record-fields';
import { usePreferences } from '../../i18n/PreferencesProvider';
import { useStrings } from '../../i18n/strings';
import { STRINGS as OFFICE_STRINGS } from '../strings';
import { nextStep } from './next-step';
import { assignmentsQuery } from './queries';
import { STRINGS } from './strings';

/** The evaluator's queue: each dossier assigned to them with the step it waits for. */
export function AssignmentsPage() {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const { language } = usePreferences();
  const assignments = useQuery(assignmentsQuery);
  return (
    <Stack gap="md">
      <Title order={1}>{t('assignments.title')}</Title>
      <Text>{t('assignments.intro')}</Text>
      {assignments.isPending ? (
        <Loader aria-label={tOffice('form.loading')} />
      ) : assignments.isError ? (
        <Alert color="red" title={tOffice('form.loadError')} />
      ) : assignments.data.items.length === 0 ? (
        <Text c="dimmed">{t('assignments.empty')}</Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('assignments.application')}</Table.Th>
              <Table.Th>{t('assignments.call')}</Table.Th>
              <Table.Th>{t('assignments.status')}</Table.Th>
              <Table.Th>{t('assignments.next')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {assignments.data.items.map((item) => {
              const applicationId = textField(item, 'applicationId') ?? '';
              const title = localizedField(item, 'title', language) ?? applicationId;
              const status = textField(item, 'applicationStatus');
              const step = nextStep(item);
              return (
                <Table.Tr key={applicationId}>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/office/evaluation/${encodeURIComponent(applicationId)}`}
                      aria-label={t('assignments.go', { title })}
                    >
                      {title}
                    </Anchor>
                    {item['flagged'] === true && (
                      <Badge color="red.9" ms="xs">
                        {t('assignments.flagged')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{textField(item, 'callId')}</Table.Td>
                  <Table.Td>{status && t(`status.${status}`, { defaultValue: status })}</Table.Td>
                  <Table.Td>
                    <Badge
                      variant={step === 'done' ? 'outline' : 'filled'}
                      color={
                        step === 'conflict' || step === 'removed'
                          ? 'gray.7'
                          : step === 'done'
                            ? 'teal.9'
                            : 'blue.8'
                      }
                    >
                      {t(`steps.${step}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
