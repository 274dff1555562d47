import { Button, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  agreementAmendmentsControllerSign,
  partnershipAgreementsControllerSign,
} from '../../../api/generated';
import type { CommandHeaders } from '../../../api/use-command';
import { useCommand } from '../../../api/use-command';
import { useFormatters } from '../../../format/use-formatters';
import { useStrings } from '../../../i18n/strings';
import { useSession } from '../../../session/SessionProvider';
import { CommandAlert } from '../../forms/CommandAlert';
import type { VersionColumn } from '../agreement-versions';
import { AGREEMENTS_KEY } from '../queries';
import { STRINGS } from '../strings';
import { ActionPanel, todayInCasablanca } from './ActionPanel';

interface Signing {
  partyId?: string;
  signedOn: string;
}

/** Version 1 is signed on the agreement, an amendment or renewal on itself. */
const sign = (agreementId: string, pending: VersionColumn, body: Signing, headers: CommandHeaders) =>
  pending.amendmentId === null
    ? partnershipAgreementsControllerSign({ path: { agreementId }, body, headers, throwOnError: true })
    : agreementAmendmentsControllerSign({
        path: { agreementId, amendmentId: pending.amendmentId },
        body,
        headers,
        throwOnError: true,
      });

/**
 * Signatures of the version awaiting them: the officer records one for any party still to sign
 * (the ministry's own, or another's with its date); an organisation signs for itself.
 */
export function SignatureActions(props: {
  agreementId: string;
  pending: VersionColumn;
  revision: number | undefined;
  nameOf(id: string): string;
  onDone(message: string): void;
  onReload(): void;
}) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const session = useSession();
  const organisationId = session.actor?.organisationId ?? null;
  const [partyId, setPartyId] = useState(props.pending.awaiting[0] ?? '');
  const [signedOn, setSignedOn] = useState(todayInCasablanca);
  const done = (entered: boolean) => props.onDone(entered ? t('actions.inForce') : t('actions.signed'));
  const command = useCommand({
    run: async (body: Signing, headers) => (await sign(props.agreementId, props.pending, body, headers)).data,
    ifMatch: props.revision,
    invalidates: [[...AGREEMENTS_KEY]],
    onSuccess: (_result, body) =>
      done(
        props.pending.awaiting.length === 1 && props.pending.awaiting[0] === (body.partyId ?? organisationId),
      ),
  });
  const chosen = props.pending.awaiting.includes(partyId) ? partyId : (props.pending.awaiting[0] ?? '');
  if (session.hasRole('officer'))
    return (
      <ActionPanel
        label={t('actions.recordSignature')}
        submitLabel={t('actions.record')}
        command={command}
        claimed={['/partyId', '/signedOn']}
        onSubmit={() => command.submit({ partyId: chosen, signedOn })}
        onReload={props.onReload}
      >
        <NativeSelect
          label={t('actions.signFor')}
          data={props.pending.awaiting.map((id) => ({ value: id, label: props.nameOf(id) }))}
          value={chosen}
          onChange={(event) => setPartyId(event.currentTarget.value)}
          error={command.fieldError('/partyId')}
        />
        <TextInput
          type="date"
          label={t('actions.signedOn')}
          required
          value={signedOn}
          onChange={(event) => setSignedOn(event.currentTarget.value)}
          error={command.fieldError('/signedOn')}
        />
      </ActionPanel>
    );
  if (!organisationId || !props.pending.awaiting.includes(organisationId)) return null;
  return (
    <Stack gap="xs" maw={560}>
      <CommandAlert command={command} claimed={[]} onReload={props.onReload} />
      <TextInput
        type="date"
        label={t('actions.signedOn')}
        required
        value={signedOn}
        onChange={(event) => setSignedOn(event.currentTarget.value)}
        error={command.fieldError('/signedOn')}
      />
      <Button loading={command.pending} onClick={() => void command.submit({ signedOn })}>
        {t('actions.signOwn')} (
        {t('actions.signOwnConfirm', { version: format.count(props.pending.version) })})
      </Button>
    </Stack>
  );
}
