import { Alert, Anchor, Badge, Loader, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { localizedField, textField } from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { STRINGS as OFFICE_STRINGS } from '../../strings';
import { CERTIFICATE_COLOURS, certificateStatus, enrolmentLine } from '../learning';
import { myCertificatesQuery, myEnrolmentsQuery } from '../queries';
import { STRINGS } from '../strings';
import { EnrolmentCard } from './EnrolmentCard';
import { useModuleTitles } from './use-module-titles';

/** The trainee's own training: enrolments (with attendance, cancelling, feedback) and certificates. */
export function TraineeHome() {
  const { t } = useStrings(STRINGS);
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('trainee.title')}</Title>
        <Text>{t('trainee.intro')}</Text>
        <Anchor component={Link} to="/training">
          {t('trainee.catalogue')}
        </Anchor>
      </div>
      <MyEnrolments />
      <MyCertificates />
    </Stack>
  );
}

function MyEnrolments() {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const [page, setPage] = useState(1);
  const enrolments = useQuery(myEnrolmentsQuery(page));
  return (
    <Stack gap="sm" component="section" aria-labelledby="learning-enrolments">
      <Title order={2} id="learning-enrolments">
        {t('enrolments.title')}
      </Title>
      {enrolments.isPending && <Loader aria-label={tOffice('form.loading')} />}
      {enrolments.isError && <Alert color="red" title={tOffice('form.loadError')} />}
      {enrolments.data && enrolments.data.items.length === 0 && <Text>{t('enrolments.empty')}</Text>}
      {enrolments.data?.items.map((item) => {
        const line = enrolmentLine(item);
        return <EnrolmentCard key={line.sessionId} line={line} />;
      })}
      {enrolments.data && enrolments.data.total > enrolments.data.pageSize && (
        <Pagination
          total={Math.ceil(enrolments.data.total / enrolments.data.pageSize)}
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

function MyCertificates() {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const moduleTitle = useModuleTitles();
  const certificates = useQuery(myCertificatesQuery);
  return (
    <Stack gap="sm" component="section" aria-labelledby="learning-certificates">
      <Title order={2} id="learning-certificates">
        {t('certificates.title')}
      </Title>
      {certificates.isPending && <Loader aria-label={tOffice('form.loading')} />}
      {certificates.isError && <Alert color="red" title={tOffice('form.loadError')} />}
      {certificates.data && certificates.data.items.length === 0 && <Text>{t('certificates.empty')}</Text>}
      {certificates.data && certificates.data.items.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('certificates.module')}</Table.Th>
              <Table.Th>{t('certificates.completedOn')}</Table.Th>
              <Table.Th>{t('certificates.issuedOn')}</Table.Th>
              <Table.Th>{t('certificates.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {certificates.data.items.map((item) => {
              const id = textField(item, 'certificateId') ?? '';
              const status = certificateStatus(item);
              const completedOn = textField(item, 'completedOn');
              const issuedAt = textField(item, 'issuedAt');
              const title =
                localizedField(item, 'achievement', language) ??
                moduleTitle(textField(item, 'moduleId') ?? '');
              return (
                <Table.Tr key={id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/office/learning/certificates/${encodeURIComponent(id)}`}>
                      {title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{completedOn ? format.date(completedOn) : '—'}</Table.Td>
                  <Table.Td>{issuedAt ? format.date(issuedAt) : '—'}</Table.Td>
                  <Table.Td>
                    {status ? (
                      <Badge color={CERTIFICATE_COLOURS[status]}>{t(`certificateStatus.${status}`)}</Badge>
                    ) : (
                      '—'
                    )}
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
