import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { credentialDocumentsControllerVerify } from '../../api/generated';
import { ApiRecord, recordField, textField } from '../../api/record-fields';
import { useCommand } from '../../api/use-command';
import { useFormatters } from '../../format/use-formatters';
import { usePreferences } from '../../i18n/PreferencesProvider';
import { useStrings } from '../../i18n/strings';
import { CommandAlert } from '../../office/forms/CommandAlert';
import { certificateStatusQuery } from './queries';
import { STRINGS } from './strings';
import {
  certificateVerdict,
  presentedVerdict,
  readPresented,
  textIn,
  Verdict,
  VerificationResult,
} from './training-format';

/**
 * Colours of the verdict, always with its word (never colour alone): shade 9 keeps 4.5:1 under
 * white text; suspended is yellow with dark text (yellow 9 under white is 2.9:1).
 */
const VERDICT_COLOURS: Record<Verdict, { colour: string; badge: string }> = {
  valid: { colour: 'teal', badge: 'teal.9' },
  revoked: { colour: 'red', badge: 'red.9' },
  suspended: { colour: 'yellow', badge: 'yellow.4' },
  invalid: { colour: 'red', badge: 'red.9' },
};

/** `/verify/:certificateId`: a certificate's public status, as its QR code and the e-mails lead to it. */
export function CertificateVerificationPage() {
  const { t } = useStrings(STRINGS);
  const certificateId = useParams()['certificateId'] ?? '';
  const status = useQuery(certificateStatusQuery(certificateId));
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('verify.title')}</Title>
        <Text c="dimmed">{t('verify.intro')}</Text>
      </div>
      {status.isPending && <Loader aria-label={t('verify.loading')} />}
      {status.isError && <Alert color="red" role="alert" title={t('verify.error')} />}
      {status.isSuccess && (
        <VerdictPanel
          result={certificateVerdict(status.data, new Date(status.dataUpdatedAt))}
          details={status.data ? statusDetails(status.data) : { certificateId }}
          checkedAt={status.dataUpdatedAt}
        />
      )}
      <Anchor component={Link} to="/verify">
        {t('verify.form.title')}
      </Anchor>
    </Stack>
  );
}

/** `/verify`: paste a credential (Data Integrity JSON or VC-JWT) and have it verified. */
export function VerifyCredentialPage() {
  const { t } = useStrings(STRINGS);
  const [text, setText] = useState('');
  const [inputError, setInputError] = useState<string | undefined>();
  const [answer, setAnswer] = useState<{ record: ApiRecord; at: number } | null>(null);
  const verify = useCommand<{ credential: Record<string, unknown> } | { jwt: string }, ApiRecord>({
    run: async (body, headers) =>
      (await credentialDocumentsControllerVerify({ body, headers, throwOnError: true })).data as ApiRecord,
    onSuccess: (record) => setAnswer({ record, at: Date.now() }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const presented = readPresented(text);
    setAnswer(null);
    if ('error' in presented) {
      setInputError(t(`verify.form.${presented.error}`));
      return;
    }
    setInputError(undefined);
    void verify.submit(presented);
  };
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('verify.title')}</Title>
        <Text c="dimmed">{t('verify.intro')}</Text>
      </div>
      <form onSubmit={submit} aria-labelledby="verify-form">
        <Stack gap="sm">
          <Title order={2} id="verify-form">
            {t('verify.form.title')}
          </Title>
          <Textarea
            label={t('verify.form.label')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={inputError}
            autosize
            minRows={6}
            maxRows={16}
            dir="ltr"
            styles={{ input: { fontFamily: 'monospace' } }}
          />
          <CommandAlert command={verify} />
          <Group>
            <Button type="submit" loading={verify.pending}>
              {t('verify.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      {answer && (
        <VerdictPanel
          result={presentedVerdict(answer.record)}
          details={presentedDetails(answer.record)}
          checkedAt={answer.at}
        />
      )}
    </Stack>
  );
}

interface Details {
  certificateId?: string;
  achievement?: unknown;
  holder?: unknown;
  issuer?: unknown;
  completedOn?: string;
  issuedAt?: string;
  validFrom?: string;
  validUntil?: string;
  revokedAt?: string;
  suspendedAt?: string;
}

const statusDetails = (record: ApiRecord): Details => ({
  certificateId: textField(record, 'certificateId'),
  achievement: record['achievement'],
  issuer: recordField(record, 'issuer')?.['name'] ?? recordField(record, 'issuer')?.['id'],
  completedOn: textField(record, 'completedOn'),
  issuedAt: textField(record, 'issuedAt'),
  validFrom: textField(record, 'validFrom'),
  validUntil: textField(record, 'validUntil'),
  revokedAt: textField(record, 'revokedAt'),
  suspendedAt: textField(record, 'suspendedAt'),
});

const presentedDetails = (record: ApiRecord): Details => {
  const summary = recordField(record, 'summary') ?? {};
  const issuer = recordField(summary, 'issuer');
  return {
    certificateId: textField(summary, 'certificateId'),
    achievement: summary['achievement'],
    holder: summary['recipientName'],
    issuer: issuer?.['name'] ?? issuer?.['id'],
    validFrom: textField(summary, 'validFrom'),
    validUntil: textField(summary, 'validUntil'),
  };
};

function VerdictPanel(props: { result: VerificationResult; details: Details; checkedAt: number }) {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const { verdict, reasons } = props.result;
  const { colour, badge } = VERDICT_COLOURS[verdict];
  const d = props.details;
  const rows: [string, string | undefined][] = [
    ['certificate', d.certificateId],
    ['achievement', textIn(d.achievement, language)],
    ['holder', textIn(d.holder, language)],
    ['issuer', textIn(d.issuer, language)],
    ['completedOn', d.completedOn && format.date(d.completedOn)],
    ['issuedAt', d.issuedAt && format.date(d.issuedAt)],
    ['validFrom', d.validFrom && format.date(d.validFrom)],
    ['validUntil', d.validUntil && format.date(d.validUntil)],
    ['revokedAt', d.revokedAt && format.dateTime(d.revokedAt)],
    ['suspendedAt', d.suspendedAt && format.dateTime(d.suspendedAt)],
    ['checkedAt', format.dateTime(props.checkedAt)],
  ];
  return (
    <Paper
      withBorder
      p="md"
      role="status"
      aria-labelledby="verification-verdict"
      data-verdict={verdict}
      style={{
        borderColor: `var(--mantine-color-${colour}-8)`,
        borderInlineStartWidth: 10,
        background: `var(--mantine-color-${colour}-0)`,
      }}
    >
      <Stack gap="sm">
        <Group gap="sm">
          <Badge size="xl" radius="sm" color={badge} variant="filled" autoContrast id="verification-verdict">
            {t(`verify.verdicts.${verdict}`)}
          </Badge>
          <Text fw={700}>{t(`verify.explain.${verdict}`)}</Text>
        </Group>
        {reasons.length > 0 && (
          <div>
            <Text fw={700}>{t('verify.reasons.title')}</Text>
            <List>
              {reasons.map((reason) => (
                <List.Item key={reason}>{t(`verify.reasons.${reason}`)}</List.Item>
              ))}
            </List>
          </div>
        )}
        <Table variant="vertical" withTableBorder={false}>
          <Table.Tbody>
            {rows
              .filter((row): row is [string, string] => Boolean(row[1]))
              .map(([key, value]) => (
                <Table.Tr key={key}>
                  <Table.Th>{t(`verify.fields.${key}`)}</Table.Th>
                  <Table.Td>{value}</Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
