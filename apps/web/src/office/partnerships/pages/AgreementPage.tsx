import { Alert, Anchor, Loader, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { useFollowReadModels } from '../../committee/use-follow-read-models';
import { DoneNotice } from '../../forms/DoneNotice';
import { STRINGS as OFFICE_STRINGS } from '../../strings';
import { versionColumns } from '../agreement-versions';
import { AgreementActions } from '../components/AgreementActions';
import { AgreementDocuments } from '../components/AgreementDocuments';
import { AgreementLifecycle } from '../components/AgreementLifecycle';
import { AgreementTerms } from '../components/AgreementTerms';
import { VersionsSideBySide } from '../components/VersionsSideBySide';
import { agreementQuery, AGREEMENTS_KEY, nameIn, registryNamesQuery } from '../queries';
import { STRINGS } from '../strings';

/** One agreement: its terms and parties, its versions side by side, its status, documents and actions. */
export function AgreementPage() {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const { language } = usePreferences();
  const agreementId = useParams()['agreementId'] ?? '';
  const arrived = (useLocation().state as { done?: string } | null)?.done ?? null;
  const [done, setDone] = useState<string | null>(arrived);
  const follow = useFollowReadModels();
  // The page is a read model a few milliseconds behind the log: refetched again shortly after a command.
  const onDone = (message: string) => {
    setDone(message);
    follow([[...AGREEMENTS_KEY]]);
  };
  const agreement = useQuery(agreementQuery(agreementId));
  const names = useQuery(registryNamesQuery);
  const nameOf = nameIn(names.data, language);
  const reload = () => void agreement.refetch();
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/office/partnerships" size="sm">
        {t('agreement.back')}
      </Anchor>
      {agreement.isPending && <Loader aria-label={tOffice('form.loading')} />}
      {agreement.isError && (
        <>
          <Title order={1}>{agreementId}</Title>
          <Alert color="red" title={t('agreement.notFound')} />
        </>
      )}
      {agreement.data && (
        <>
          <AgreementTerms record={agreement.data.record} nameOf={nameOf} />
          <DoneNotice message={done} />
          <AgreementActions
            agreementId={agreementId}
            record={agreement.data.record}
            revision={agreement.data.revision}
            nameOf={nameOf}
            onDone={onDone}
            onReload={reload}
          />
          <VersionsSideBySide versions={versionColumns(agreement.data.record)} nameOf={nameOf} />
          <AgreementLifecycle record={agreement.data.record} />
          <AgreementDocuments
            agreementId={agreementId}
            record={agreement.data.record}
            revision={agreement.data.revision}
            onDone={onDone}
            onReload={reload}
          />
        </>
      )}
    </Stack>
  );
}
