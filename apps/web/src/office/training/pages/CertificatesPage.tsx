import {
  Alert,
  Anchor,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { localizedField, recordField, textField } from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { Pager } from '../../partnerships/components/Pager';
import { STRINGS as OFFICE_STRINGS } from '../../strings';
import { CertificateActions } from '../components/CertificateActions';
import { StatusBadge } from '../components/StatusBadge';
import { TrainingNav } from '../components/TrainingNav';
import { CERTIFICATE_STATUSES, certificatesQuery } from '../queries';
import { STRINGS } from '../strings';

const STABLE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

/**
 * The certificates issued (officer), newest first, by status, session, module, association or
 * trainee (`?status=&sessionId=&moduleId=&associationId=&traineeId=`, in the address so a session's
 * page can link here); suspend, reinstate or revoke each; its public verification page.
 */
export function CertificatesPage() {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const status = CERTIFICATE_STATUSES.find((s) => s === params.get('status'));
  const idFilters = ['sessionId', 'moduleId', 'associationId', 'traineeId'] as const;
  const ids = Object.fromEntries(
    idFilters.flatMap((key) => {
      const value = params.get(key) ?? '';
      return STABLE_ID.test(value) ? [[key, value]] : [];
    }),
  );
  const certificates = useQuery(certificatesQuery({ page, pageSize: 20, ...(status && { status }), ...ids }));
  const setFilter = (key: string, value: string) => {
    setPage(1);
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <Stack gap="md">
      <TrainingNav />
      <Title order={1}>{t('certificates.title')}</Title>
      <Text>{t('certificates.intro')}</Text>
      <Group align="end">
        <NativeSelect
          label={t('certificates.filterStatus')}
          w={220}
          data={[
            { value: '', label: t('sessions.all') },
            ...CERTIFICATE_STATUSES.map((s) => ({ value: s, label: t(`certificateStatus.${s}`) })),
          ]}
          value={status ?? ''}
          onChange={(event) => setFilter('status', event.currentTarget.value)}
        />
        {idFilters.map((key) => (
          <TextInput
            key={key}
            label={t(`certificates.filter.${key}`)}
            w={220}
            defaultValue={params.get(key) ?? ''}
            onBlur={(event) => setFilter(key, event.currentTarget.value.trim())}
            onKeyDown={(event) => {
              if (event.key === 'Enter') setFilter(key, event.currentTarget.value.trim());
            }}
          />
        ))}
      </Group>
      {certificates.isPending && <Loader aria-label={tOffice('form.loading')} />}
      {certificates.isError && <Alert color="red" title={tOffice('form.loadError')} />}
      {certificates.data && certificates.data.items.length === 0 && <Text>{t('certificates.empty')}</Text>}
      {certificates.data && certificates.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={960}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('certificates.columns.certificate')}</Table.Th>
                <Table.Th>{t('certificates.columns.trainee')}</Table.Th>
                <Table.Th>{t('certificates.columns.issued')}</Table.Th>
                <Table.Th>{t('certificates.columns.status')}</Table.Th>
                <Table.Th>{t('certificates.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {certificates.data.items.map((item) => {
                const id = textField(item, 'certificateId') ?? '';
                const itemStatus = textField(item, 'status') ?? '';
                const issuedAt = textField(item, 'issuedAt');
                const suspension = textField(item, 'suspensionReason');
                const revocation = recordField(item, 'revocationReason');
                const achievement =
                  localizedField(item, 'achievement', language) ?? textField(item, 'moduleId');
                return (
                  <Table.Tr key={id} data-certificate={id}>
                    <Table.Td>
                      <Text fw={700}>{achievement}</Text>
                      <Text size="sm">{id}</Text>
                      <Anchor component={Link} to={`/verify/${encodeURIComponent(id)}`} size="sm">
                        {t('certificates.verify')}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{textField(item, 'traineeId')}</Text>
                      <Text size="sm" c="dimmed">
                        {textField(item, 'associationId')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {issuedAt && <time dateTime={issuedAt}>{format.dateTime(issuedAt)}</time>}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge kind="certificate" status={itemStatus} />
                      {itemStatus === 'suspended' && suspension && <Text size="sm">{suspension}</Text>}
                      {itemStatus === 'revoked' && revocation && (
                        <Text size="sm">
                          {t('certificates.revokedBecause', {
                            code: t(`revocation.${textField(revocation, 'code') ?? 'other'}`),
                            text: textField(revocation, 'text') ?? '',
                          })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <CertificateActions certificateId={id} status={itemStatus} label={id} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {certificates.data && <Pager page={certificates.data} value={page} onChange={setPage} />}
    </Stack>
  );
}
