import { Button, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import {
  certificatesControllerReinstate,
  certificatesControllerRevoke,
  certificatesControllerSuspend,
} from '../../../api/generated';
import { useCommand } from '../../../api/use-command';
import { useStrings } from '../../../i18n/strings';
import { useFollowReadModels } from '../../committee/use-follow-read-models';
import { CommandAlert } from '../../forms/CommandAlert';
import { Notice } from '../../forms/Notice';
import { ReasonAction } from '../../forms/ReasonAction';
import { STRINGS as OFFICE_STRINGS } from '../../strings';
import { CERTIFICATES_KEY, REVOCATION_CODES } from '../queries';
import { STRINGS } from '../strings';

type RevocationCode = (typeof REVOCATION_CODES)[number];

/**
 * An officer's decisions on a certificate: suspend (reasoned), reinstate a suspended one
 * (confirmed), revoke for good (a reason's code and text, confirmed after saying it is final).
 * The published status list changes with each; the list is a read model, refetched shortly after.
 */
export function CertificateActions(props: { certificateId: string; status: string; label: string }) {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const follow = useFollowReadModels();
  const path = { certificateId: props.certificateId };
  const keys = [[...CERTIFICATES_KEY]];
  const after = { invalidates: keys, onSuccess: () => follow(keys) };
  const suspend = useCommand({
    run: async (body: { reason: string }, headers) =>
      (await certificatesControllerSuspend({ path, body, headers, throwOnError: true })).data,
    ...after,
  });
  const reinstate = useCommand({
    run: async (_: void, headers) =>
      (await certificatesControllerReinstate({ path, headers, throwOnError: true })).data,
    ...after,
  });
  const revoke = useCommand({
    run: async (body: { reason: { code: RevocationCode; text: string } }, headers) =>
      (await certificatesControllerRevoke({ path, body, headers, throwOnError: true })).data,
    ...after,
  });
  const [confirmReinstate, setConfirmReinstate] = useState(false);
  const [revoking, setRevoking] = useState(false);
  const [code, setCode] = useState<RevocationCode>('issued-in-error');
  const [text, setText] = useState('');

  if (props.status === 'revoked') return <Text size="sm">{t('certificates.final')}</Text>;
  return (
    <Stack gap="xs" role="group" aria-label={t('certificates.actionsFor', { certificate: props.label })}>
      {props.status === 'active' && (
        <ReasonAction
          label={t('certificates.suspend')}
          warning={t('certificates.suspendWarning')}
          reasonLabel={t('certificates.suspendReason')}
          confirmLabel={t('certificates.suspendConfirm')}
          command={suspend}
          color="grape.9"
        />
      )}
      {props.status === 'suspended' && (
        <>
          <CommandAlert command={reinstate} />
          {confirmReinstate ? (
            <Group gap="xs">
              <Button loading={reinstate.pending} onClick={() => void reinstate.submit()}>
                {t('certificates.reinstateConfirm')}
              </Button>
              <Button variant="default" onClick={() => setConfirmReinstate(false)}>
                {tOffice('form.cancel')}
              </Button>
            </Group>
          ) : (
            <Button
              variant="default"
              style={{ alignSelf: 'start' }}
              onClick={() => setConfirmReinstate(true)}
            >
              {t('certificates.reinstate')}
            </Button>
          )}
        </>
      )}
      {revoking ? (
        <Stack gap="xs" maw={520}>
          <Notice tone="danger">
            <Text size="sm">{t('certificates.revokeWarning')}</Text>
          </Notice>
          <CommandAlert command={revoke} claimed={['/reason/code', '/reason/text']} />
          <NativeSelect
            label={t('certificates.revokeCode')}
            data={REVOCATION_CODES.map((c) => ({ value: c, label: t(`revocation.${c}`) }))}
            value={code}
            onChange={(event) =>
              setCode(REVOCATION_CODES.find((c) => c === event.currentTarget.value) ?? 'other')
            }
            error={revoke.fieldError('/reason/code')}
          />
          <Textarea
            label={t('certificates.revokeReason')}
            required
            autosize
            minRows={2}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={revoke.fieldError('/reason/text')}
          />
          <Group gap="xs">
            <Button
              color="red.9"
              loading={revoke.pending}
              onClick={() => void revoke.submit({ reason: { code, text: text.trim() } })}
            >
              {t('certificates.revokeConfirm')}
            </Button>
            <Button variant="default" onClick={() => setRevoking(false)}>
              {tOffice('form.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Button
          variant="outline"
          color="red.9"
          style={{ alignSelf: 'start' }}
          onClick={() => setRevoking(true)}
        >
          {t('certificates.revoke')}
        </Button>
      )}
    </Stack>
  );
}
