import { Alert, Anchor, Button, Group, Loader, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { associationsControllerChangeProfile } from '../../../api/generated';
import { ApiRecord, textField } from '../../../api/record-fields';
import { useCommand } from '../../../api/use-command';
import { useStrings } from '../../../i18n/strings';
import { useSession } from '../../../session/SessionProvider';
import { CommandAlert } from '../../forms/CommandAlert';
import { LocalizedTextInputs, localizedPointers } from '../../forms/LocalizedTextInputs';
import { STRINGS as OFFICE_STRINGS } from '../../strings';
import { DoneNotice } from '../../forms/DoneNotice';
import { SectorChoice } from '../components/SectorChoice';
import { PROFILE_POINTERS, profileChanges, ProfileForm, profileFormOf } from '../profile-form';
import { myProfileQuery } from '../queries';
import { STRINGS } from '../strings';

/** The association's own profile in the registry, edited with If-Match (412: reload and redo). */
export function ProfilePage() {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const associationId = useSession().actor?.organisationId ?? '';
  const profile = useQuery(myProfileQuery(associationId));
  const [done, setDone] = useState<string | null>(null);
  const status = profile.data ? textField(profile.data.record, 'status') : undefined;
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to="/office/association" size="sm">
          {t('application.back')}
        </Anchor>
        <Title order={1}>{t('profile.title')}</Title>
      </div>
      {status && (
        <Text>
          {t('profile.registryStatus', { status: t(`profile.registry.${status}`, { defaultValue: status }) })}
        </Text>
      )}
      <DoneNotice message={done} />
      {profile.isPending && <Loader aria-label={tOffice('form.loading')} />}
      {profile.isError && <Alert color="red" title={tOffice('form.loadError')} />}
      {profile.data && (
        <ProfileEditor
          key={profile.data.revision}
          associationId={associationId}
          record={profile.data.record}
          revision={profile.data.revision}
          onReload={() => {
            setDone(null);
            void profile.refetch();
          }}
          onDone={() => setDone(t('profile.saved'))}
        />
      )}
    </Stack>
  );
}

function ProfileEditor(props: {
  associationId: string;
  record: ApiRecord;
  revision: number | undefined;
  onReload(): void;
  onDone(): void;
}) {
  const { t } = useStrings(STRINGS);
  const [form, setForm] = useState<ProfileForm>(() => profileFormOf(props.record));
  const save = useCommand({
    run: async (value: ProfileForm, headers) =>
      (
        await associationsControllerChangeProfile({
          path: { associationId: props.associationId },
          body: profileChanges(value),
          headers,
          throwOnError: true,
        })
      ).data,
    idempotent: false,
    ifMatch: props.revision,
    invalidates: [['registry', 'associations']],
    onSuccess: props.onDone,
  });
  const set = <K extends keyof ProfileForm>(key: K, value: ProfileForm[K]) =>
    setForm({ ...form, [key]: value });
  return (
    <Stack
      gap="md"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        void save.submit(form);
      }}
    >
      <CommandAlert
        command={save}
        claimed={[...localizedPointers('/names'), ...PROFILE_POINTERS]}
        onReload={props.onReload}
      />
      <LocalizedTextInputs
        legend={t('profile.names')}
        value={form.names}
        onChange={(names) => set('names', names)}
        error={save.fieldError}
        pointer="/names"
      />
      <TextInput
        label={t('profile.acronym')}
        maxLength={30}
        value={form.acronym}
        onChange={(event) => set('acronym', event.currentTarget.value)}
        error={save.fieldError('/acronym')}
      />
      <TextInput
        label={t('profile.website')}
        type="url"
        dir="ltr"
        maxLength={300}
        value={form.website}
        onChange={(event) => set('website', event.currentTarget.value)}
        error={save.fieldError('/website')}
      />
      <TextInput
        label={t('profile.membersCount')}
        inputMode="numeric"
        pattern={'[0-9\u0660-\u0669\u06F0-\u06F9]*'}
        value={form.membersCount}
        onChange={(event) => set('membersCount', event.currentTarget.value)}
        error={save.fieldError('/membersCount')}
      />
      <Textarea
        label={t('profile.hostCities')}
        description={t('profile.hostCitiesHint')}
        autosize
        minRows={2}
        value={form.hostCities}
        onChange={(event) => set('hostCities', event.currentTarget.value)}
        error={save.fieldError('/hostCities')}
      />
      <SectorChoice
        label={t('profile.sectors')}
        value={form.sectors}
        onChange={(sectors) => set('sectors', sectors)}
        error={save.fieldError('/sectors')}
      />
      <Group>
        <Button type="submit" loading={save.pending}>
          {t('profile.save')}
        </Button>
      </Group>
    </Stack>
  );
}
