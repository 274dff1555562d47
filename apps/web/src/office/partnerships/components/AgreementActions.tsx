import { Group, Stack, Title } from '@mantine/core';
import { ApiRecord, textField } from '../../../api/record-fields';
import { useStrings } from '../../../i18n/strings';
import { useSession } from '../../../session/SessionProvider';
import { pendingVersion } from '../agreement-versions';
import { STRINGS } from '../strings';
import { AmendAction, RenewAction, WithdrawPendingAction } from './AmendmentActions';
import {
  CompleteAction,
  ResumeAction,
  SubmitAction,
  SuspendAction,
  TerminateAction,
} from './LifecycleActions';
import { SignatureActions } from './SignatureActions';

/**
 * The next steps of the agreement for the reader's role, from its status: the officer submits,
 * records signatures, amends, renews, suspends, resumes, ends; a party's account signs for itself.
 * The platform decides whether each may be done (409 with its reason otherwise).
 */
export function AgreementActions(props: {
  agreementId: string;
  record: ApiRecord;
  revision: number | undefined;
  nameOf(id: string): string;
  onDone(message: string): void;
  onReload(): void;
}) {
  const { t } = useStrings(STRINGS);
  const session = useSession();
  const status = textField(props.record, 'status') ?? '';
  const pending = pendingVersion(props.record);
  const common = {
    agreementId: props.agreementId,
    revision: props.revision,
    onDone: props.onDone,
    onReload: props.onReload,
  };
  const officer = session.hasRole('officer');
  const signing = pending && (officer || session.hasRole('association', 'partner'));
  const open = status === 'in-force' || status === 'suspended';
  if (!officer && !signing) return null;
  if (!officer && pending && !pending.awaiting.includes(session.actor?.organisationId ?? '')) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('actions.title')}
      </Title>
      {signing && <SignatureActions {...common} pending={pending} nameOf={props.nameOf} />}
      {officer && (
        <Group gap="xs" align="start">
          {status === 'draft' && <SubmitAction {...common} />}
          {pending?.amendmentId && <WithdrawPendingAction {...common} pending={pending} />}
          {open && !pending && <RenewAction {...common} />}
          {open && !pending && <AmendAction {...common} />}
          {status === 'in-force' && <SuspendAction {...common} />}
          {status === 'suspended' && <ResumeAction {...common} />}
          {open && <TerminateAction {...common} />}
          {status === 'in-force' && <CompleteAction {...common} />}
        </Group>
      )}
    </Stack>
  );
}
