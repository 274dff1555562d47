import { Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { webhookEndpointsControllerRegister, type RegisterWebhookEndpointDto } from '../../../api/generated';
import { textField } from '../../../api/record-fields';
import { useCommand } from '../../../api/use-command';
import { useStrings } from '../../../i18n/strings';
import { useSession } from '../../../session/SessionProvider';
import { useFollowReadModels } from '../../committee/use-follow-read-models';
import { CommandAlert } from '../../forms/CommandAlert';
import { ENDPOINTS_KEY, type Trigger } from '../queries';
import { STRINGS } from '../strings';
import { TriggerChoice } from './TriggerChoice';

const POINTERS = ['/url', '/description', '/triggers', '/organisationId'] as const;

/**
 * Registers an endpoint: an organisation's account for itself; an officer or the admin names the
 * organisation. `onRegistered` gets the signing secret, which the answer carries this once.
 */
export function RegisterEndpointForm(props: { onRegistered(secret: string, endpointId: string): void }) {
  const { t } = useStrings(STRINGS);
  const session = useSession();
  const forAny = session.hasRole('officer', 'admin');
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [triggers, setTriggers] = useState<Trigger[]>([]);
  const [organisationId, setOrganisationId] = useState('');
  const follow = useFollowReadModels();
  const register = useCommand({
    run: async (body: RegisterWebhookEndpointDto, headers) =>
      (await webhookEndpointsControllerRegister({ body, headers, throwOnError: true })).data,
    invalidates: [[...ENDPOINTS_KEY]],
    onSuccess: (result) => {
      follow([[...ENDPOINTS_KEY]]);
      // The secret and the id are beside the command's result; the OpenAPI document types the result only.
      const answer = result as unknown as Record<string, unknown>;
      props.onRegistered(textField(answer, 'secret') ?? '', textField(answer, 'endpointId') ?? '');
      setUrl('');
      setDescription('');
      setTriggers([]);
    },
  });
  return (
    <Stack
      component="form"
      gap="sm"
      aria-labelledby="register-endpoint-title"
      onSubmit={(event) => {
        event.preventDefault();
        void register.submit({
          url: url.trim(),
          description: description.trim(),
          triggers,
          ...(forAny && { organisationId: organisationId.trim() }),
        });
      }}
    >
      <Title order={2} size="h3" id="register-endpoint-title">
        {t('webhooks.register')}
      </Title>
      <CommandAlert command={register} claimed={POINTERS} />
      {forAny && (
        <TextInput
          label={t('webhooks.organisationId')}
          required
          dir="ltr"
          value={organisationId}
          onChange={(event) => setOrganisationId(event.currentTarget.value)}
          error={register.fieldError('/organisationId')}
        />
      )}
      <TextInput
        label={t('webhooks.url')}
        required
        type="url"
        dir="ltr"
        placeholder="https://"
        value={url}
        onChange={(event) => setUrl(event.currentTarget.value)}
        error={register.fieldError('/url')}
      />
      <TextInput
        label={t('webhooks.description')}
        required
        maxLength={500}
        value={description}
        onChange={(event) => setDescription(event.currentTarget.value)}
        error={register.fieldError('/description')}
      />
      <TriggerChoice value={triggers} onChange={setTriggers} error={register.fieldError('/triggers')} />
      <Group>
        <Button type="submit" loading={register.pending}>
          {t('webhooks.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
