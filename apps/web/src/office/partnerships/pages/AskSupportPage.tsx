import { Anchor, Button, Group, NativeSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { supportRequestsControllerRequest, type RequestSupportDto } from '../../../api/generated';
import { useCommand } from '../../../api/use-command';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { SUPPORT_KEY } from '../queries';
import { STRINGS } from '../strings';

const KINDS: readonly RequestSupportDto['kind'][] = ['administrative', 'technical', 'financial'];
const newRequestId = () => `support-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** An association or partner asks the ministry for support, for its own organisation. */
export function AskSupportPage() {
  const { t } = useStrings(STRINGS);
  const navigate = useNavigate();
  const [requestId] = useState(newRequestId);
  const [form, setForm] = useState({
    kind: 'technical' as RequestSupportDto['kind'],
    subject: '',
    description: '',
    projectId: '',
  });
  const ask = useCommand({
    run: async (body: RequestSupportDto, headers) =>
      (await supportRequestsControllerRequest({ body, headers, throwOnError: true })).data,
    invalidates: [[...SUPPORT_KEY]],
    onSuccess: () =>
      navigate(`/office/partnerships/support/${encodeURIComponent(requestId)}`, {
        state: { done: t('ask.done') },
      }),
  });
  return (
    <Stack
      gap="md"
      maw={720}
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        void ask.submit({
          requestId,
          kind: form.kind,
          subject: form.subject.trim(),
          description: form.description.trim(),
          ...(form.projectId.trim() && { projectId: form.projectId.trim() }),
        });
      }}
    >
      <div>
        <Anchor component={Link} to="/office/partnerships/support" size="sm">
          {t('support.back')}
        </Anchor>
        <Title order={1}>{t('ask.title')}</Title>
      </div>
      <Text>{t('ask.intro')}</Text>
      <CommandAlert command={ask} claimed={['/kind', '/subject', '/description', '/projectId']} />
      <NativeSelect
        label={t('ask.kind')}
        data={KINDS.map((k) => ({ value: k, label: t(`supportKind.${k}`) }))}
        value={form.kind}
        onChange={(event) =>
          setForm({ ...form, kind: KINDS.find((k) => k === event.currentTarget.value) ?? 'technical' })
        }
        error={ask.fieldError('/kind')}
      />
      <TextInput
        label={t('ask.subject')}
        required
        maxLength={200}
        value={form.subject}
        onChange={(event) => setForm({ ...form, subject: event.currentTarget.value })}
        error={ask.fieldError('/subject')}
      />
      <Textarea
        label={t('ask.description')}
        required
        autosize
        minRows={4}
        maxLength={5000}
        value={form.description}
        onChange={(event) => setForm({ ...form, description: event.currentTarget.value })}
        error={ask.fieldError('/description')}
      />
      <TextInput
        label={t('ask.projectId')}
        dir="ltr"
        value={form.projectId}
        onChange={(event) => setForm({ ...form, projectId: event.currentTarget.value })}
        error={ask.fieldError('/projectId')}
      />
      <Group>
        <Button type="submit" loading={ask.pending}>
          {t('ask.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
