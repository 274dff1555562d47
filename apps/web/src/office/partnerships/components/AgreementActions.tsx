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
  const organisationSigns =
    !!pending &&
    session.hasRole('association', 'partner') &&
    pending.awaiting.includes(session.actor?.organisationId ?? '');
  const open = status === 'in-force' || status === 'suspended';
  const steps = officer
    ? [
        status === 'draft' && <SubmitAction key="submit" {...common} />,
        pending?.amendmentId && <WithdrawPendingAction key="withdraw" {...common} pending={pending} />,
        open && !pending && <RenewAction key="renew" {...common} />,
        open && !pending && <AmendAction key="amend" {...common} />,
        status === 'in-force' && <SuspendAction key="suspend" {...common} />,
        status === 'suspended' && <ResumeAction key="resume" {...common} />,
        open && <TerminateAction key="terminate" {...common} />,
        status === 'in-force' && <CompleteAction key="complete" {...common} />,
      ].filter(Boolean)
    : [];
  const signing = !!pending && (officer || organisationSigns);
  if (!signing && steps.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('actions.title')}
      </Title>
      {signing && <SignatureActions {...common} pending={pending} nameOf={props.nameOf} />}
      {steps.length > 0 && (
        <Group gap="xs" align="start">
          {steps}
        </Group>
      )}
    </Stack>
  );
}
