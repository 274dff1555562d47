import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import { asProblem } from '../../../api/problem';
import { localizedField, textField } from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { STRINGS as OFFICE_STRINGS } from '../../strings';
import { useModuleTitles } from '../components/use-module-titles';
import {
  CERTIFICATE_COLOURS,
  certificateStatus,
  credentialFileName,
  CredentialFormat,
  credentialMediaType,
  verificationPath,
} from '../learning';
import { fetchCredential, fetchPrintable, myCertificatesQuery } from '../queries';
import { STRINGS } from '../strings';
import { saveFile } from '../../forms/save-file';

const LANGUAGES = ['ar', 'fr', 'en'] as const;

/** `/office/learning/certificates/:certificateId`: one of my certificates, its credential, its printable page. */
export function CertificatePage() {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const moduleTitle = useModuleTitles();
  const certificateId = useParams().certificateId ?? '';
  const certificates = useQuery(myCertificatesQuery);
  const record = certificates.data?.items.find((c) => textField(c, 'certificateId') === certificateId);
  const back = (
    <Anchor component={Link} to="/office/learning" size="sm">
      {t('certificate.back')}
    </Anchor>
  );
  if (certificates.isPending) return <Loader aria-label={tOffice('form.loading')} />;
  if (certificates.isError || !record)
    return (
      <Stack gap="md">
        {back}
        <Title order={1}>{t('certificates.title')}</Title>
        <Alert
          color="red"
          title={certificates.isError ? tOffice('form.loadError') : t('certificate.notFound')}
        />
      </Stack>
    );
  const status = certificateStatus(record);
  const title =
    localizedField(record, 'achievement', language) ?? moduleTitle(textField(record, 'moduleId') ?? '');
  const date = (key: string) => {
    const value = textField(record, key);
    return value ? format.date(value) : undefined;
  };
  const suspensionReason = textField(record, 'suspensionReason');
  const revocationReason = textField(record, 'revocationReason');
  return (
    <Stack gap="lg">
      <div>
        {back}
        <Title order={1}>{t('certificate.title', { module: title })}</Title>
      </div>
      <Stack gap="xs" component="section" aria-labelledby="certificate-details">
        <Title order={2} id="certificate-details">
          {t('certificate.details')}
        </Title>
        <Table variant="vertical" withTableBorder maw={720}>
          <Table.Tbody>
            <Row label={t('certificate.module')}>{moduleTitle(textField(record, 'moduleId') ?? '')}</Row>
            <Row label={t('certificate.completedOn')}>{date('completedOn') ?? '—'}</Row>
            <Row label={t('certificate.issuedOn')}>{date('issuedAt') ?? '—'}</Row>
            <Row label={t('certificate.validFrom')}>{date('validFrom') ?? '—'}</Row>
            <Row label={t('certificate.validUntil')}>{date('validUntil') ?? t('certificate.noEnd')}</Row>
            <Row label={t('certificate.status')}>
              {status && (
                <Badge color={CERTIFICATE_COLOURS[status]}>{t(`certificateStatus.${status}`)}</Badge>
              )}
              {status === 'suspended' && date('suspendedAt') && (
                <Text size="sm">{t('certificate.suspendedOn', { date: date('suspendedAt') })}</Text>
              )}
              {status === 'revoked' && date('revokedAt') && (
                <Text size="sm">{t('certificate.revokedOn', { date: date('revokedAt') })}</Text>
              )}
              {status === 'suspended' && suspensionReason && (
                <Text size="sm">{t('certificate.reason', { reason: suspensionReason })}</Text>
              )}
              {status === 'revoked' && revocationReason && (
                <Text size="sm">{t('certificate.reason', { reason: revocationReason })}</Text>
              )}
            </Row>
          </Table.Tbody>
        </Table>
      </Stack>
      <CredentialDownloads certificateId={certificateId} />
      <PrintableLinks certificateId={certificateId} />
      <Stack gap="xs" component="section" aria-labelledby="certificate-verify">
        <Title order={2} id="certificate-verify">
          {t('certificate.verify')}
        </Title>
        <Text>{t('certificate.verifyIntro')}</Text>
        <Anchor component={Link} to={verificationPath(certificateId)}>
          {t('certificate.verifyLink')}
        </Anchor>
      </Stack>
    </Stack>
  );
}

function Row(props: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={240}>{props.label}</Table.Th>
      <Table.Td>{props.children}</Table.Td>
    </Table.Tr>
  );
}

function CredentialDownloads(props: { certificateId: string }) {
  const { t } = useStrings(STRINGS);
  const [pending, setPending] = useState<CredentialFormat | undefined>();
  const [outcome, setOutcome] = useState<{ fileName: string } | { error: string } | undefined>();
  const download = async (credentialFormat: CredentialFormat) => {
    setPending(credentialFormat);
    setOutcome(undefined);
    try {
      const blob = await fetchCredential(props.certificateId, credentialFormat);
      const fileName = credentialFileName(props.certificateId, credentialFormat);
      saveFile(new Blob([blob], { type: credentialMediaType(credentialFormat) }), fileName);
      setOutcome({ fileName });
    } catch (error) {
      const problem = asProblem(error);
      setOutcome({ error: problem.detail ?? problem.title });
    } finally {
      setPending(undefined);
    }
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="certificate-credential">
      <Title order={2} id="certificate-credential">
        {t('certificate.credential')}
      </Title>
      <Text>{t('certificate.credentialIntro')}</Text>
      <Group gap="sm">
        <Button variant="default" loading={pending === 'ldp'} onClick={() => void download('ldp')}>
          {t('certificate.downloadLdp')}
        </Button>
        <Button variant="default" loading={pending === 'jwt'} onClick={() => void download('jwt')}>
          {t('certificate.downloadJwt')}
        </Button>
      </Group>
      {outcome && 'fileName' in outcome && (
        <Text role="status">{t('certificate.downloaded', { fileName: outcome.fileName })}</Text>
      )}
      {outcome && 'error' in outcome && <Alert color="red" role="alert" title={outcome.error} />}
    </Stack>
  );
}

/**
 * The printable page needs the token, so it is fetched and shown from a Blob: the tab is opened at
 * the click (a tab opened after the fetch could be blocked as a pop-up) and given the page once it came.
 */
function PrintableLinks(props: { certificateId: string }) {
  const { t } = useStrings(STRINGS);
  const [pending, setPending] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const open = async (lang: (typeof LANGUAGES)[number]) => {
    setError(undefined);
    const tab = window.open('', '_blank');
    if (!tab) {
      setError(t('certificate.popupBlocked'));
      return;
    }
    setPending(lang);
    try {
      const blob = await fetchPrintable(props.certificateId, lang);
      const url = URL.createObjectURL(new Blob([blob], { type: 'text/html;charset=utf-8' }));
      tab.location.href = url;
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (failure) {
      tab.close();
      const problem = asProblem(failure);
      setError(problem.detail ?? problem.title);
    } finally {
      setPending(undefined);
    }
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="certificate-printable">
      <Title order={2} id="certificate-printable">
        {t('certificate.printable')}
      </Title>
      <Text>{t('certificate.printableIntro')}</Text>
      <Group gap="sm">
        {LANGUAGES.map((lang) => (
          <Button key={lang} variant="default" loading={pending === lang} onClick={() => void open(lang)}>
            {t('certificate.openPrintable', { language: t(`certificate.languages.${lang}`) })}
          </Button>
        ))}
      </Group>
      {error && <Alert color="red" role="alert" title={error} />}
    </Stack>
  );
}
