import { Button, Code, CopyButton, Group, Text } from '@mantine/core';
import { useStrings } from '../../../i18n/strings';
import { Notice } from '../../forms/Notice';
import { STRINGS } from '../strings';

/**
 * A webhook signing secret, the one time the platform gives it (registration or rotation): it keeps
 * only an id of it afterwards, so the page says plainly that it will not be shown again.
 */
export function SecretOnce(props: { secret: string; message: string }) {
  const { t } = useStrings(STRINGS);
  return (
    <Notice tone="success" role="status" title={props.message}>
      <Text fw={700}>{t('webhooks.secretTitle')}</Text>
      <Text size="sm">{t('webhooks.secretWarning')}</Text>
      <Group gap="sm" wrap="nowrap">
        <Code dir="ltr" style={{ wordBreak: 'break-all' }} data-testid="webhook-secret">
          {props.secret}
        </Code>
        <CopyButton value={props.secret}>
          {({ copied, copy }) => (
            <Button size="compact-sm" variant="default" onClick={copy}>
              {copied ? t('webhooks.copied') : t('webhooks.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Notice>
  );
}
