import { Paper, Stack, Text, Title } from '@mantine/core';
import { ApiRecord, recordField, textField } from '../../../api/record-fields';
import { useStrings } from '../../../i18n/strings';
import { STRINGS } from '../strings';

/** The ministry's answer as the requester reads it. */
export function SupportAnswer(props: { record: ApiRecord; nameOf(id: string): string }) {
  const { t } = useStrings(STRINGS);
  const answer = recordField(props.record, 'answer');
  if (!answer) return null;
  const kind = textField(answer, 'kind') ?? '';
  const actorId = textField(answer, 'actorId');
  const callId = textField(answer, 'callId');
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Title order={2} size="h3">
          {t('support.answer')}
        </Title>
        <Text fw={600}>{t(`answerKind.${kind}`, { defaultValue: kind })}</Text>
        {textField(answer, 'text') && <Text>{textField(answer, 'text')}</Text>}
        {actorId && <Text>{props.nameOf(actorId)}</Text>}
        {callId && <Text dir="ltr">{callId}</Text>}
        {textField(answer, 'note') && <Text>{textField(answer, 'note')}</Text>}
      </Stack>
    </Paper>
  );
}
