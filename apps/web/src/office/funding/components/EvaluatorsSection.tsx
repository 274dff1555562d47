import { Button, Group, List, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { evaluationsControllerAssign, evaluationsControllerRemove } from '../../../api/generated';
import { ApiRecord, recordField, textField, textListField } from '../../../api/record-fields';
import { useCommand } from '../../../api/use-command';
import { useFormatters } from '../../../format/use-formatters';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { STRINGS } from '../strings';
import { Notice } from '../../forms/Notice';
import { ReasonAction } from '../../forms/ReasonAction';

const records = (value: unknown): ApiRecord[] =>
  Array.isArray(value) ? value.filter((v): v is ApiRecord => v !== null && typeof v === 'object') : [];

/** What the platform found linking an evaluator to the applicant (`organisation:…`, `network:…`). */
function useLinkText() {
  const { t } = useStrings(STRINGS);
  return (link: string) => {
    const [kind, id] = link.includes(':')
      ? [link.slice(0, link.indexOf(':')), link.slice(link.indexOf(':') + 1)]
      : ['', link];
    return t(`evaluators.links.${kind}`, { id, defaultValue: link });
  };
}

/**
 * The evaluators of an application: naming one (the platform records a conflict instead when the
 * registry links them to the applicant, and says so), their progress, removing one with a reason.
 */
export function EvaluatorsSection(props: {
  application: ApiRecord;
  revision?: number;
  invalidates: readonly (readonly unknown[])[];
  onDone(message: string): void;
}) {
  const { t } = useStrings(STRINGS);
  const linkText = useLinkText();
  const applicationId = textField(props.application, 'applicationId') ?? '';
  const status = textField(props.application, 'status') ?? '';
  const evaluators = records(props.application['evaluators']);
  const [evaluatorId, setEvaluatorId] = useState('');
  const [links, setLinks] = useState<{ evaluatorId: string; links: string[] } | null>(null);
  const invalidates = props.invalidates.map((key) => [...key]);
  const assign = useCommand({
    run: async (body: { evaluatorId: string }, headers) =>
      (await evaluationsControllerAssign({ path: { applicationId }, body, headers, throwOnError: true }))
        .data,
    ifMatch: props.revision,
    invalidates,
    onSuccess: (result, body) => {
      const found = textListField(result as ApiRecord, 'linksToApplicant');
      setLinks(found.length > 0 ? { evaluatorId: body.evaluatorId, links: found } : null);
      if (found.length === 0) props.onDone(t('evaluators.assigned', { id: body.evaluatorId }));
      setEvaluatorId('');
    },
  });
  const canAssign = status === 'eligible' || status === 'under-evaluation';
  return (
    <section aria-labelledby="application-evaluators">
      <Title order={2} size="h3" id="application-evaluators" mb="xs">
        {t('evaluators.title')}
      </Title>
      <Stack gap="sm">
        {links && (
          <Notice tone="danger" role="alert" title={t('evaluators.conflictTitle', { id: links.evaluatorId })}>
            <Text size="sm">{t('evaluators.conflictDetail')}</Text>
            <List size="sm">
              {links.links.map((link) => (
                <List.Item key={link}>{linkText(link)}</List.Item>
              ))}
            </List>
          </Notice>
        )}
        {evaluators.length === 0 ? (
          <Text c="dimmed">{t('evaluators.none')}</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('evaluators.columns.evaluator')}</Table.Th>
                <Table.Th>{t('evaluators.columns.status')}</Table.Th>
                <Table.Th>{t('evaluators.columns.progress')}</Table.Th>
                <Table.Th>{t('evaluators.columns.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {evaluators.map((evaluator) => (
                <EvaluatorRow
                  key={textField(evaluator, 'evaluatorId')}
                  applicationId={applicationId}
                  evaluator={evaluator}
                  revision={props.revision}
                  invalidates={invalidates}
                  removable={['eligible', 'under-evaluation', 'scored'].includes(status)}
                  onDone={props.onDone}
                />
              ))}
            </Table.Tbody>
          </Table>
        )}
        {canAssign && (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void assign.submit({ evaluatorId: evaluatorId.trim() });
            }}
          >
            <Stack gap="xs" maw={480}>
              <CommandAlert command={assign} claimed={['/evaluatorId']} onReload={() => assign.reset()} />
              <TextInput
                label={t('evaluators.evaluatorId')}
                description={t('evaluators.evaluatorIdHint')}
                required
                value={evaluatorId}
                onChange={(event) => setEvaluatorId(event.currentTarget.value)}
                error={assign.fieldError('/evaluatorId')}
              />
              <Group>
                <Button type="submit" loading={assign.pending}>
                  {t('evaluators.assign')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </section>
  );
}

function EvaluatorRow(props: {
  applicationId: string;
  evaluator: ApiRecord;
  revision?: number;
  invalidates: unknown[][];
  /** While the evaluation runs: once decided, the evaluators stay as they were. */
  removable: boolean;
  onDone(message: string): void;
}) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const linkText = useLinkText();
  const evaluatorId = textField(props.evaluator, 'evaluatorId') ?? '';
  const status = textField(props.evaluator, 'status') ?? '';
  const declaration = textField(props.evaluator, 'declaration') ?? 'pending';
  const conflict = recordField(props.evaluator, 'conflict');
  const opened = textField(props.evaluator, 'dossierOpenedAt');
  const scored = Array.isArray(props.evaluator['scores']);
  const remove = useCommand({
    run: async (body: { reason: string }, headers) =>
      (
        await evaluationsControllerRemove({
          path: { applicationId: props.applicationId, evaluatorId },
          body,
          headers,
          throwOnError: true,
        })
      ).data,
    ifMatch: props.revision,
    invalidates: props.invalidates,
    onSuccess: () => props.onDone(t('evaluators.removed', { id: evaluatorId })),
  });
  return (
    <Table.Tr>
      <Table.Td>{evaluatorId}</Table.Td>
      <Table.Td>
        {t(`evaluators.status.${status}`, { defaultValue: status })}
        {conflict && (
          <Text size="xs" c="red.9">
            {t(`evaluators.conflict.${textField(conflict, 'source') ?? 'declared'}`)}
            {textListField(conflict, 'detail').length > 0 &&
              ` : ${textListField(conflict, 'detail').map(linkText).join(', ')}`}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {scored
          ? t('evaluators.progress.scored')
          : opened
            ? t('evaluators.progress.opened', { date: format.dateTime(opened) })
            : t(`evaluators.progress.${declaration}`)}
      </Table.Td>
      <Table.Td>
        {status === 'assigned' && props.removable && (
          <ReasonAction
            label={t('evaluators.remove')}
            warning={t('evaluators.removeWarning', { id: evaluatorId })}
            reasonLabel={t('evaluators.removeReason')}
            confirmLabel={t('evaluators.removeConfirm')}
            command={remove}
          />
        )}
      </Table.Td>
    </Table.Tr>
  );
}
