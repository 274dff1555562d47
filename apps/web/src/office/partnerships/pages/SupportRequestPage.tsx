import { Alert, Anchor, Badge, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { textField } from '../../../api/record-fields';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { useFollowReadModels } from '../../committee/use-follow-read-models';
import { DoneNotice } from '../../forms/DoneNotice';
import { STRINGS as OFFICE_STRINGS } from '../../strings';
import { SupportActions } from '../components/SupportActions';
import { SupportAnswer } from '../components/SupportAnswer';
import { SupportSteps } from '../components/SupportSteps';
import { nameIn, registryNamesQuery, SUPPORT_KEY, supportRequestQuery } from '../queries';
import { STRINGS } from '../strings';

/** One support request: what was asked, its steps and their times, the answer, the next step. */
export function SupportRequestPage() {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const { language } = usePreferences();
  const requestId = useParams()['requestId'] ?? '';
  const arrived = (useLocation().state as { done?: string } | null)?.done ?? null;
  const [done, setDone] = useState<string | null>(arrived);
  const follow = useFollowReadModels();
  // The page is a read model a few milliseconds behind the log: refetched again shortly after a command.
  const onDone = (message: string) => {
    setDone(message);
    follow([[...SUPPORT_KEY]]);
  };
  const request = useQuery(supportRequestQuery(requestId));
  const names = useQuery(registryNamesQuery);
  const nameOf = nameIn(names.data, language);
  const record = request.data?.record;
  const status = record ? (textField(record, 'status') ?? '') : '';
  const projectId = record ? textField(record, 'projectId') : undefined;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/office/partnerships/support" size="sm">
        {t('support.back')}
      </Anchor>
      {request.isPending && <Loader aria-label={tOffice('form.loading')} />}
      {request.isError && (
        <>
          <Title order={1}>{requestId}</Title>
          <Alert color="red" title={t('support.notFound')} />
        </>
      )}
      {record && (
        <>
          <Group gap="sm">
            <Title order={1}>{textField(record, 'subject') ?? requestId}</Title>
            <Badge color="gray.8">{t(`supportStatus.${status}`, { defaultValue: status })}</Badge>
          </Group>
          <Text>
            {nameOf(textField(record, 'requesterId') ?? '')} · {t(`supportKind.${textField(record, 'kind')}`)}
          </Text>
          {projectId && <Text>{t('support.project', { project: projectId })}</Text>}
          <Text style={{ whiteSpace: 'pre-wrap' }}>{textField(record, 'description')}</Text>
          <DoneNotice message={done} />
          <SupportActions
            requestId={requestId}
            record={record}
            revision={request.data?.revision}
            onDone={onDone}
            onReload={() => void request.refetch()}
          />
          <SupportAnswer record={record} nameOf={nameOf} />
          <SupportSteps record={record} />
          {textField(record, 'closingNote') && (
            <Text>{t('support.closingNote', { note: textField(record, 'closingNote') })}</Text>
          )}
          {textField(record, 'withdrawalReason') && (
            <Text>{t('support.withdrawalReason', { reason: textField(record, 'withdrawalReason') })}</Text>
          )}
        </>
      )}
    </Stack>
  );
}
