import { Button, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiRecord, textField } from '../../../api/record-fields';
import { useCommand } from '../../../api/use-command';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { DoneNotice } from '../../forms/DoneNotice';
import { ReasonAction } from '../../forms/ReasonAction';
import { ReferenceSelect } from '../../forms/ReferenceSelects';
import { changeStatus, proposeReplication, publishProject, unpublishProject } from '../project-commands';
import { isProjectStatus, PROJECT_STATUSES, ProjectStatus, statusNeedsReason } from '../project-status';
import { iatiStatusQuery, projectQuery } from '../queries';
import { STRINGS } from '../strings';
import { Section } from './Section';

interface ActionProps {
  projectId: string;
  revision?: number;
  onDone(message: string): void;
}

const invalidatesFor = (projectId: string) => [
  projectQuery(projectId).queryKey,
  iatiStatusQuery(projectId).queryKey,
  ['partnerships', 'projects', 'list'],
];

/** The next IATI status, with the reason cancelling or suspending needs; the platform says which moves are allowed. */
function StatusChange(props: ActionProps & { current: string }) {
  const { t } = useStrings(STRINGS);
  const [status, setStatus] = useState<ProjectStatus>(props.current === '1' ? '2' : '3');
  const [reason, setReason] = useState('');
  const command = useCommand({
    run: (body: { status: ProjectStatus; reason?: string }, headers) =>
      changeStatus(props.projectId, body, headers),
    ifMatch: props.revision,
    invalidates: invalidatesFor(props.projectId),
    onSuccess: (_, body) => {
      setReason('');
      props.onDone(t('actions.statusDone', { status: t(`status.${body.status}`) }));
    },
  });
  return (
    <Stack gap="xs" maw={560}>
      <Text fw={700}>{t('actions.statusTitle')}</Text>
      <CommandAlert command={command} claimed={['/status', '/reason']} />
      <NativeSelect
        label={t('actions.newStatus')}
        value={status}
        onChange={(e) => {
          const next = e.currentTarget.value;
          if (isProjectStatus(next)) setStatus(next);
        }}
        data={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        error={command.fieldError('/status')}
      />
      <Textarea
        label={t('actions.statusReason')}
        description={statusNeedsReason(status) ? t('actions.reasonRequired') : undefined}
        required={statusNeedsReason(status)}
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={command.fieldError('/reason')}
      />
      <Group>
        <Button
          loading={command.pending}
          onClick={() => command.submit(reason.trim() ? { status, reason: reason.trim() } : { status })}
        >
          {t('actions.changeStatus')}
        </Button>
      </Group>
    </Stack>
  );
}

function Publication(props: ActionProps & { isPublic: boolean }) {
  const { t } = useStrings(STRINGS);
  const publish = useCommand({
    run: (_: null, headers) => publishProject(props.projectId, headers),
    ifMatch: props.revision,
    invalidates: invalidatesFor(props.projectId),
    onSuccess: () => props.onDone(t('actions.published')),
  });
  const unpublish = useCommand({
    run: ({ reason }: { reason: string }, headers) => unpublishProject(props.projectId, reason, headers),
    ifMatch: props.revision,
    invalidates: invalidatesFor(props.projectId),
    onSuccess: () => props.onDone(t('actions.unpublished')),
  });
  return (
    <Stack gap="xs">
      <Text fw={700}>{t('actions.publicationTitle')}</Text>
      {props.isPublic ? (
        <ReasonAction
          label={t('actions.unpublish')}
          warning={t('actions.unpublishWarning')}
          reasonLabel={t('actions.unpublishReason')}
          confirmLabel={t('actions.unpublishConfirm')}
          command={unpublish}
        />
      ) : (
        <>
          <CommandAlert command={publish} />
          <Group>
            <Button loading={publish.pending} onClick={() => publish.submit(null)}>
              {t('actions.publish')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

function Replication(props: ActionProps) {
  const { t } = useStrings(STRINGS);
  const [region, setRegion] = useState<string | null>(null);
  const [replicaId, setReplicaId] = useState('');
  const command = useCommand({
    run: (body: { region: string; replicaId?: string }, headers) =>
      proposeReplication(props.projectId, body.region, body.replicaId, headers),
    ifMatch: props.revision,
    invalidates: invalidatesFor(props.projectId),
    onSuccess: () => props.onDone(t('actions.replicationDone')),
  });
  return (
    <Stack gap="xs" maw={560}>
      <Text fw={700}>{t('actions.replicationTitle')}</Text>
      <Text size="sm">{t('actions.replicationHelp')}</Text>
      <CommandAlert command={command} claimed={['/region', '/region/code', '/replicaProjectId']} />
      <ReferenceSelect
        kind="regions"
        label={t('actions.replicationRegion')}
        value={region}
        onChange={setRegion}
        required
        error={command.fieldError('/region/code') ?? command.fieldError('/region')}
      />
      <TextInput
        label={t('actions.replicaId')}
        description={t('actions.replicaIdHelp')}
        value={replicaId}
        onChange={(e) => setReplicaId(e.currentTarget.value)}
        error={command.fieldError('/replicaProjectId')}
      />
      <Group>
        <Button
          variant="outline"
          loading={command.pending}
          onClick={() => command.submit({ region: region ?? '', replicaId: replicaId.trim() || undefined })}
        >
          {t('actions.propose')}
        </Button>
      </Group>
    </Stack>
  );
}

/** What the officer does with the project: its status, its publication, its replication. */
export function ProjectActions(props: { record: ApiRecord; projectId: string; revision?: number }) {
  const { t } = useStrings(STRINGS);
  const [done, setDone] = useState<string | null>(null);
  const common = { projectId: props.projectId, revision: props.revision, onDone: setDone };
  return (
    <Section title={t('actions.title')}>
      <DoneNotice message={done} />
      <StatusChange {...common} current={textField(props.record, 'status') ?? ''} />
      <Publication {...common} isPublic={textField(props.record, 'visibility') === 'public'} />
      <Replication {...common} />
    </Section>
  );
}
