import { Alert, Button, Fieldset, Group, Input, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useId, useState } from 'react';
import { useStrings } from '../../../i18n/strings';
import { sha256Hex } from '../file-digest';
import { DOCUMENT_KINDS, DocumentRow } from '../proposal-form';
import { STRINGS } from '../strings';

const newDocumentId = () => `doc-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * The documents of an application: a name, a kind and the SHA-256 of the chosen file, computed
 * here; the file itself stays on the association's computer (the page says so).
 */
export function DocumentsInput(props: {
  value: DocumentRow[];
  onChange(value: DocumentRow[]): void;
  error(pointer: string): string | undefined;
  pointer: string;
}) {
  const { t } = useStrings(STRINGS);
  const change = (index: number, row: Partial<DocumentRow>) =>
    props.onChange(props.value.map((current, i) => (i === index ? { ...current, ...row } : current)));
  return (
    <Fieldset legend={t('documents.legend')} variant="filled">
      <Stack gap="sm">
        <Alert color="blue" variant="light">
          {t('documents.notUploaded')}
        </Alert>
        {props.error(props.pointer) && (
          <Text size="sm" c="red.8" role="alert">
            {props.error(props.pointer)}
          </Text>
        )}
        {props.value.length === 0 && <Text size="sm">{t('documents.none')}</Text>}
        {props.value.map((row, index) => (
          <DocumentRowInput
            key={row.documentId}
            index={index}
            row={row}
            onChange={(changes) => change(index, changes)}
            onRemove={() => props.onChange(props.value.filter((_, i) => i !== index))}
            error={(key) => props.error(`${props.pointer}/${index}/${key}`)}
          />
        ))}
        <Group>
          <Button
            variant="default"
            onClick={() =>
              props.onChange([
                ...props.value,
                { documentId: newDocumentId(), kind: 'project-description', name: '', sha256: '' },
              ])
            }
          >
            {t('documents.add')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

function DocumentRowInput(props: {
  index: number;
  row: DocumentRow;
  onChange(changes: Partial<DocumentRow>): void;
  onRemove(): void;
  error(key: 'name' | 'kind' | 'sha256'): string | undefined;
}) {
  const { t } = useStrings(STRINGS);
  const fileId = useId();
  const [computing, setComputing] = useState(false);
  const n = props.index + 1;
  const choose = async (file: File | undefined) => {
    if (!file) return;
    setComputing(true);
    try {
      const sha256 = await sha256Hex(file);
      props.onChange({ sha256, ...(props.row.name.trim() === '' && { name: file.name.slice(0, 200) }) });
    } finally {
      setComputing(false);
    }
  };
  return (
    <Fieldset legend={t('documents.row', { n })}>
      <Stack gap="xs">
        <Input.Wrapper label={t('documents.file')} labelProps={{ htmlFor: fileId }}>
          <input id={fileId} type="file" onChange={(event) => void choose(event.currentTarget.files?.[0])} />
        </Input.Wrapper>
        <TextInput
          label={t('documents.name')}
          required
          maxLength={200}
          value={props.row.name}
          onChange={(event) => props.onChange({ name: event.currentTarget.value })}
          error={props.error('name')}
        />
        <NativeSelect
          label={t('documents.kind')}
          data={DOCUMENT_KINDS.map((kind) => ({ value: kind, label: t(`documents.kinds.${kind}`) }))}
          value={props.row.kind}
          onChange={(event) =>
            props.onChange({
              kind: DOCUMENT_KINDS.find((kind) => kind === event.currentTarget.value) ?? 'other',
            })
          }
          error={props.error('kind')}
        />
        <TextInput
          label={t('documents.sha256')}
          readOnly
          value={computing ? t('documents.computing') : props.row.sha256 || t('documents.noFile')}
          error={props.error('sha256')}
          styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
          dir="ltr"
        />
        <Group>
          <Button variant="subtle" color="red" onClick={props.onRemove}>
            {t('documents.remove', { n })}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
