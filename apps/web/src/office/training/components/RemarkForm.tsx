import { Button, NativeSelect, Stack, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { sessionCompletionControllerRemark } from '../../../api/generated';
import { useCommand } from '../../../api/use-command';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { DoneNotice } from '../../forms/DoneNotice';
import { SESSIONS_KEY } from '../queries';
import type { RosterLine } from '../session-views';
import { STRINGS } from '../strings';

/** The trainer's remark on a confirmed trainee, recorded in the session's log. */
export function RemarkForm(props: {
  sessionId: string;
  lines: readonly RosterLine[];
  nameOf(line: RosterLine): string;
}) {
  const { t } = useStrings(STRINGS);
  const [traineeId, setTraineeId] = useState(props.lines[0]?.traineeId ?? '');
  const [remark, setRemark] = useState('');
  const [done, setDone] = useState(false);
  const record = useCommand({
    run: async (body: { traineeId: string; remark: string }, headers) =>
      (
        await sessionCompletionControllerRemark({
          path: { sessionId: props.sessionId },
          body,
          headers,
          throwOnError: true,
        })
      ).data,
    invalidates: [[...SESSIONS_KEY, props.sessionId]],
    onSuccess: () => {
      setRemark('');
      setDone(true);
    },
  });
  if (props.lines.length === 0) return null;
  return (
    <Stack gap="xs" maw={640} component="section" aria-labelledby="training-remarks">
      <Title order={2} id="training-remarks">
        {t('remarks.title')}
      </Title>
      <DoneNotice message={done && t('remarks.done')} />
      <CommandAlert command={record} claimed={['/traineeId', '/remark']} />
      <NativeSelect
        label={t('remarks.trainee')}
        data={props.lines.map((line) => ({ value: line.traineeId, label: props.nameOf(line) }))}
        value={traineeId}
        onChange={(event) => setTraineeId(event.currentTarget.value)}
        error={record.fieldError('/traineeId')}
      />
      <Textarea
        label={t('remarks.remark')}
        required
        autosize
        minRows={2}
        maxLength={5000}
        value={remark}
        onChange={(event) => {
          setDone(false);
          setRemark(event.currentTarget.value);
        }}
        error={record.fieldError('/remark')}
      />
      <Button
        style={{ alignSelf: 'start' }}
        loading={record.pending}
        onClick={() => void record.submit({ traineeId, remark: remark.trim() })}
      >
        {t('remarks.submit')}
      </Button>
    </Stack>
  );
}
