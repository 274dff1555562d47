import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { associationsControllerRegister } from '../../../api/generated';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { claimedUnder, errorAt } from '../shared/field-errors';
import { EMPTY_PROFILE, draftProblems, profileBody, ProfileDraft } from '../shared/profile-draft';
import { PROFILE_POINTERS, ProfileFields } from '../shared/ProfileFields';
import { RegistryNav } from '../shared/RegistryNav';
import { useRegistryCommand } from '../shared/use-registry-command';
import { STRINGS } from '../strings';

type RegisterBody = Parameters<typeof associationsControllerRegister>[0]['body'];

/**
 * An officer registers an association (it starts `submitted`, awaiting verification); the
 * platform's field errors show next to their fields, and the new record opens once registered.
 */
export function RegisterAssociationPage() {
  const { t } = useStrings(STRINGS);
  const navigate = useNavigate();
  const [associationId, setAssociationId] = useState('');
  const [draft, setDraft] = useState<ProfileDraft>(EMPTY_PROFILE);
  const [checked, setChecked] = useState(false);
  const register = useRegistryCommand({
    run: (body: RegisterBody, headers) =>
      associationsControllerRegister({ body, headers, throwOnError: true }),
    onSuccess: (result) => {
      // The platform names the new record in Location (it made the id when the officer gave none).
      const id = result.response.headers.get('location')?.split('/').pop();
      if (id) navigate(`/office/registry/associations/${id}?registered=1`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(draftProblems(draft)).length > 0) return;
    void register.submit({
      ...(associationId.trim() && { associationId: associationId.trim() }),
      profile: profileBody(draft, 'register'),
    } as RegisterBody);
  };
  return (
    <Stack gap="md">
      <RegistryNav />
      <div>
        <Title order={1}>{t('register.title')}</Title>
        <Text c="dimmed">{t('register.intro')}</Text>
      </div>
      {/* noValidate: the platform decides what is valid and says so next to each field. */}
      <form noValidate onSubmit={submit} aria-label={t('register.title')}>
        <Stack gap="sm">
          <CommandAlert
            command={register}
            claimed={['/associationId', ...claimedUnder(register.problem, PROFILE_POINTERS)]}
          />
          <TextInput
            label={t('register.associationId')}
            description={t('register.associationIdHint')}
            dir="ltr"
            value={associationId}
            onChange={(event) => setAssociationId(event.currentTarget.value)}
            error={errorAt(register.problem, '/associationId')}
          />
          <ProfileFields
            value={draft}
            onChange={setDraft}
            problem={register.problem}
            base="/profile"
            checked={checked}
          />
          <Group>
            <Button type="submit" loading={register.pending}>
              {t('register.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
