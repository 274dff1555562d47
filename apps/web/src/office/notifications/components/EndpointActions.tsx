import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  webhookEndpointsControllerDisable,
  webhookEndpointsControllerEnable,
  webhookEndpointsControllerRemove,
  webhookEndpointsControllerRotate,
} from '../../../api/generated';
import { textField, type ApiRecord } from '../../../api/record-fields';
import { useCommand } from '../../../api/use-command';
import { useStrings } from '../../../i18n/strings';
import { useSession } from '../../../session/SessionProvider';
import { useFollowReadModels } from '../../committee/use-follow-read-models';
import { CommandAlert } from '../../forms/CommandAlert';
import { Notice } from '../../forms/Notice';
import { STRINGS as OFFICE_STRINGS } from '../../strings';
import { ENDPOINTS_KEY } from '../queries';
import { WEBHOOK_MANAGERS } from '../routes';
import { STRINGS } from '../strings';

type Action = 'rotate' | 'disable' | 'enable' | 'remove';
const RUN = {
  rotate: webhookEndpointsControllerRotate,
  disable: webhookEndpointsControllerDisable,
  enable: webhookEndpointsControllerEnable,
  remove: webhookEndpointsControllerRemove,
} as const;

/**
 * An endpoint's actions: its delivery log; for its managers, rotating the secret (the new one is
 * handed to `onSecret`, shown once), disabling or enabling it, and removing it after a confirmation.
 */
export function EndpointActions(props: {
  endpoint: ApiRecord;
  onDone(message: string): void;
  onSecret(secret: string, message: string): void;
}) {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const session = useSession();
  const follow = useFollowReadModels();
  const [confirming, setConfirming] = useState(false);
  const endpointId = textField(props.endpoint, 'endpointId') ?? '';
  const url = textField(props.endpoint, 'url') ?? endpointId;
  const enabled = textField(props.endpoint, 'status') === 'enabled';
  const act = useCommand({
    run: async (action: Action, headers) => {
      const { data } = await RUN[action]({ path: { endpointId }, headers, throwOnError: true });
      return { action, answer: data as unknown as Record<string, unknown> };
    },
    invalidates: [[...ENDPOINTS_KEY]],
    onSuccess: ({ action, answer }) => {
      // The list is a read model a moment behind the endpoint's stream.
      follow([[...ENDPOINTS_KEY]]);
      setConfirming(false);
      if (action === 'rotate') props.onSecret(textField(answer, 'secret') ?? '', t('webhooks.rotated'));
      else props.onDone(t(`webhooks.${action}d`));
    },
  });
  return (
    <Stack gap={6}>
      <CommandAlert command={act} />
      <Group gap="xs">
        <Anchor
          component={Link}
          to={`/office/notifications/webhooks/${encodeURIComponent(endpointId)}`}
          size="sm"
          aria-label={t('webhooks.deliveriesOf', { url })}
        >
          {t('webhooks.deliveries')}
        </Anchor>
        {session.hasRole(...WEBHOOK_MANAGERS) && (
          <>
            <Button
              size="compact-sm"
              variant="default"
              loading={act.pending}
              onClick={() => void act.submit('rotate')}
            >
              {t('webhooks.rotate')}
            </Button>
            <Button
              size="compact-sm"
              variant="default"
              loading={act.pending}
              onClick={() => void act.submit(enabled ? 'disable' : 'enable')}
            >
              {enabled ? t('webhooks.disable') : t('webhooks.enable')}
            </Button>
            <Button size="compact-sm" variant="outline" color="red.9" onClick={() => setConfirming(true)}>
              {t('webhooks.remove')}
            </Button>
          </>
        )}
      </Group>
      {confirming && (
        <Notice tone="danger" role="alert">
          <Text size="sm">{t('webhooks.removeWarning')}</Text>
          <Group gap="xs">
            <Button
              size="compact-sm"
              color="red.9"
              loading={act.pending}
              onClick={() => void act.submit('remove')}
            >
              {t('webhooks.removeConfirm')}
            </Button>
            <Button size="compact-sm" variant="default" onClick={() => setConfirming(false)}>
              {tOffice('form.cancel')}
            </Button>
          </Group>
        </Notice>
      )}
    </Stack>
  );
}
