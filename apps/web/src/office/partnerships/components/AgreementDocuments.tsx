import { Alert, Button, Group, List, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { asProblem } from '../../../api/problem';
import { ApiRecord, recordListField, textField } from '../../../api/record-fields';
import { useCommand } from '../../../api/use-command';
import { useFormatters } from '../../../format/use-formatters';
import { useStrings } from '../../../i18n/strings';
import { useSession } from '../../../session/SessionProvider';
import { CommandAlert } from '../../forms/CommandAlert';
import { attachDocument, DOCUMENT_KINDS, DocumentKind, downloadDocument } from '../documents';
import { AGREEMENTS_KEY } from '../queries';
import { STRINGS } from '../strings';

/** The documents attached (each to download), and for the officer a file to attach. */
export function AgreementDocuments(props: {
  agreementId: string;
  record: ApiRecord;
  revision: number | undefined;
  onDone(message: string): void;
  onReload(): void;
}) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const session = useSession();
  const fileId = useId();
  const [file, setFile] = useState<File | undefined>();
  const [kind, setKind] = useState<DocumentKind>('signed-convention');
  const [failed, setFailed] = useState<string | undefined>();
  const documents = recordListField(props.record, 'documents').filter((d) => !d['detached']);
  const attach = useCommand({
    run: (value: { file: File; kind: DocumentKind }, headers) =>
      attachDocument(props.agreementId, value.file, value.kind, headers),
    ifMatch: props.revision,
    invalidates: [[...AGREEMENTS_KEY]],
    onSuccess: () => {
      setFile(undefined);
      props.onDone(t('documents.done'));
    },
  });
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('documents.title')}
      </Title>
      {documents.length === 0 ? (
        <Text>{t('documents.empty')}</Text>
      ) : (
        <List spacing={4}>
          {documents.map((d) => {
            const sha256 = textField(d, 'sha256') ?? '';
            const name = textField(d, 'name') ?? sha256;
            return (
              <List.Item key={sha256}>
                <Group gap="xs">
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    onClick={() =>
                      void downloadDocument(props.agreementId, sha256, name).catch((error) =>
                        setFailed(asProblem(error).detail ?? asProblem(error).title),
                      )
                    }
                  >
                    {t('documents.download', { name })}
                  </Button>
                  <Text size="sm">
                    {t(`documentKind.${textField(d, 'kind')}`)} ·{' '}
                    {t('documents.attachedOn', { date: format.date(textField(d, 'attachedAt') ?? '') })}
                  </Text>
                </Group>
              </List.Item>
            );
          })}
        </List>
      )}
      {failed && <Alert color="red" role="alert" title={failed} />}
      {session.hasRole('officer') && (
        <Stack
          gap="xs"
          maw={560}
          component="form"
          onSubmit={(event) => {
            event.preventDefault();
            if (file) void attach.submit({ file, kind });
          }}
        >
          <CommandAlert command={attach} onReload={props.onReload} />
          <label htmlFor={fileId}>
            <Text size="sm" fw={500}>
              {t('documents.file')}
            </Text>
          </label>
          <input
            id={fileId}
            type="file"
            required
            onChange={(event) => setFile(event.currentTarget.files?.[0])}
          />
          <NativeSelect
            label={t('documents.kind')}
            data={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documentKind.${k}`) }))}
            value={kind}
            onChange={(event) =>
              setKind(DOCUMENT_KINDS.find((k) => k === event.currentTarget.value) ?? 'other')
            }
          />
          <Group>
            <Button type="submit" variant="default" loading={attach.pending} disabled={!file}>
              {t('documents.attach')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
