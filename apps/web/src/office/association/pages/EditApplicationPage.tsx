import { Alert, Anchor, Button, Group, Loader, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { applicationsControllerChange } from '../../../api/generated';
import { ApiRecord, textField } from '../../../api/record-fields';
import { useCommand } from '../../../api/use-command';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { STRINGS as OFFICE_STRINGS } from '../../strings';
import { ProposalFields } from '../components/ProposalFields';
import { proposalBody, ProposalForm, proposalFormOf, proposalPointers } from '../proposal-form';
import { applicationQuery } from '../queries';
import { STRINGS } from '../strings';

/** The draft's proposal, changed with If-Match: a change made meanwhile answers 412 and offers to reload. */
export function EditApplicationPage() {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const applicationId = useParams()['applicationId'] ?? '';
  const application = useQuery(applicationQuery(applicationId));
  const back = `/office/association/applications/${encodeURIComponent(applicationId)}`;
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={back} size="sm">
          {t('application.back')}
        </Anchor>
        <Title order={1}>{t('edit.title')}</Title>
      </div>
      {application.isPending && <Loader aria-label={tOffice('form.loading')} />}
      {application.isError && <Alert color="red" title={t('application.notFound')} />}
      {application.data &&
        (textField(application.data.record, 'status') === 'draft' ? (
          <EditForm
            key={application.data.revision}
            applicationId={applicationId}
            record={application.data.record}
            revision={application.data.revision}
            onReload={() => void application.refetch()}
            back={back}
          />
        ) : (
          <Alert color="yellow" title={t('edit.notDraft')} />
        ))}
    </Stack>
  );
}

function EditForm(props: {
  applicationId: string;
  record: ApiRecord;
  revision: number | undefined;
  onReload(): void;
  back: string;
}) {
  const { t } = useStrings(STRINGS);
  const navigate = useNavigate();
  const [form, setForm] = useState<ProposalForm>(() => proposalFormOf(props.record));
  const change = useCommand({
    run: async (value: ProposalForm, headers) =>
      (
        await applicationsControllerChange({
          path: { applicationId: props.applicationId },
          body: proposalBody(value),
          headers,
          throwOnError: true,
        })
      ).data,
    idempotent: false,
    ifMatch: props.revision,
    invalidates: [['funding', 'applications']],
    onSuccess: () => navigate(props.back, { state: { done: t('form.saved') } }),
  });
  return (
    <Stack
      gap="md"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        void change.submit(form);
      }}
    >
      <CommandAlert
        command={change}
        claimed={proposalPointers('', form.documents.length)}
        onReload={props.onReload}
      />
      <ProposalFields value={form} onChange={setForm} error={change.fieldError} prefix="" />
      <Group>
        <Button type="submit" loading={change.pending}>
          {t('form.save')}
        </Button>
      </Group>
    </Stack>
  );
}
