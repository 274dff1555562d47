import { Button, Group, List, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiRecord, localizedField, recordListField, textField } from '../../../api/record-fields';
import { useCommand } from '../../../api/use-command';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { useSession } from '../../../session/SessionProvider';
import { CommandAlert } from '../../forms/CommandAlert';
import { DoneNotice } from '../../forms/DoneNotice';
import { reachMilestone } from '../project-commands';
import { isProjectStatus } from '../project-status';
import { projectQuery } from '../queries';
import { STRINGS } from '../strings';
import { todayInCasablanca } from '../today';
import { Section } from './Section';

/** The officer records that a milestone was reached, on a day not in the future (the platform checks). */
function ReachMilestone(props: { projectId: string; milestoneId: string; title: string; revision?: number }) {
  const { t } = useStrings(STRINGS);
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState(todayInCasablanca());
  const [done, setDone] = useState(false);
  const command = useCommand({
    run: (reachedOn: string, headers) =>
      reachMilestone(props.projectId, props.milestoneId, reachedOn, headers),
    ifMatch: props.revision,
    invalidates: [projectQuery(props.projectId).queryKey],
    onSuccess: () => {
      setOpen(false);
      setDone(true);
    },
  });
  if (done) return <DoneNotice message={t('milestones.reachedDone')} />;
  if (!open)
    return (
      <Button size="xs" variant="default" onClick={() => setOpen(true)}>
        {t('milestones.reach')}
      </Button>
    );
  return (
    <Stack gap="xs" maw={360}>
      <CommandAlert command={command} claimed={['/reachedOn']} onReload={() => setOpen(false)} />
      <TextInput
        type="date"
        label={t('milestones.reachedOn', { milestone: props.title })}
        value={day}
        onChange={(e) => setDay(e.currentTarget.value)}
        error={command.fieldError('/reachedOn')}
        required
      />
      <Group gap="xs">
        <Button size="xs" loading={command.pending} onClick={() => command.submit(day)}>
          {t('milestones.confirm')}
        </Button>
        <Button size="xs" variant="default" onClick={() => setOpen(false)}>
          {t('cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Milestones reached or not, and the status's history with its reasons. */
export function ProjectTimeline(props: { record: ApiRecord; projectId: string; revision?: number }) {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const { hasRole } = useSession();
  const statusName = (status: string | undefined) =>
    isProjectStatus(status) ? t(`status.${status}`) : (status ?? '—');
  const history = recordListField(props.record, 'statusHistory');
  return (
    <Section title={t('milestones.title')}>
      <Table.ScrollContainer minWidth={480}>
        <Table captionSide="top">
          <Table.Caption>{t('milestones.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('milestones.milestone')}</Table.Th>
              <Table.Th>{t('milestones.due')}</Table.Th>
              <Table.Th>{t('milestones.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {recordListField(props.record, 'milestones').map((milestone) => {
              const milestoneId = textField(milestone, 'milestoneId') ?? '';
              const title = localizedField(milestone, 'title', language) ?? milestoneId;
              const due = textField(milestone, 'due');
              const reachedOn = textField(milestone, 'reachedOn');
              return (
                <Table.Tr key={milestoneId}>
                  <Table.Td>{title}</Table.Td>
                  <Table.Td>{due ? format.date(due) : '—'}</Table.Td>
                  <Table.Td>
                    {reachedOn ? (
                      t('milestones.reachedOnDay', { day: format.date(reachedOn) })
                    ) : hasRole('officer') ? (
                      <Stack gap={4}>
                        <Text size="sm">{t('milestones.notReached')}</Text>
                        <ReachMilestone
                          projectId={props.projectId}
                          milestoneId={milestoneId}
                          title={title}
                          revision={props.revision}
                        />
                      </Stack>
                    ) : (
                      t('milestones.notReached')
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text fw={700}>{t('history.title')}</Text>
      {history.length === 0 ? (
        <Text size="sm">{t('history.none')}</Text>
      ) : (
        <List size="sm">
          {history.map((change, i) => {
            const reason = textField(change, 'reason');
            const at = textField(change, 'at');
            return (
              <List.Item key={i}>
                {t('history.change', {
                  from: statusName(textField(change, 'from')),
                  to: statusName(textField(change, 'to')),
                  at: at ? format.dateTime(at) : '—',
                  by: textField(change, 'by') ?? '—',
                })}
                {reason && ` ${t('history.reason', { reason })}`}
              </List.Item>
            );
          })}
        </List>
      )}
    </Section>
  );
}
