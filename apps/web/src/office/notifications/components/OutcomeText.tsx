import { Badge, Group, Text } from '@mantine/core';
import type { ApiRecord } from '../../../api/record-fields';
import { useStrings } from '../../../i18n/strings';
import { outcomeOf } from '../outcome';
import { STRINGS } from '../strings';

const COLOURS: Record<string, string> = { delivered: 'teal.9', failed: 'red.9', bounced: 'red.9' };

/** A notice's status as a badge, and the reason it was skipped or failed beside it. */
export function OutcomeText(props: { notification: ApiRecord; showFailure?: boolean }) {
  const { t } = useStrings(STRINGS);
  const { status, reason } = outcomeOf(props.notification);
  return (
    <Group gap={6} wrap="wrap">
      <Badge color={COLOURS[status] ?? 'gray.8'}>{t(`status.${status}`, { defaultValue: status })}</Badge>
      {reason?.kind === 'skip' && (
        <Text size="sm">{t(`skipReason.${reason.code}`, { defaultValue: reason.code })}</Text>
      )}
      {reason?.kind === 'failure' && props.showFailure !== false && (
        <Text size="sm" dir="ltr">
          {reason.text}
        </Text>
      )}
    </Group>
  );
}
