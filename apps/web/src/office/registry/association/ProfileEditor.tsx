import { Button, Group, Stack } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { associationsControllerChangeProfile } from '../../../api/generated';
import type { ApiRecord } from '../../../api/record-fields';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { claimedUnder } from '../shared/field-errors';
import { draftOf, draftProblems, profileBody, ProfileDraft } from '../shared/profile-draft';
import { ProfileFields } from '../shared/ProfileFields';
import { useRegistryCommand } from '../shared/use-registry-command';
import { STRINGS } from '../strings';

type Changes = Parameters<typeof associationsControllerChangeProfile>[0]['body'];

const CHANGE_POINTERS = [
  '/names',
  '/acronym',
  '/hostCountries',
  '/hostCities',
  '/originProvinces',
  '/sectors',
  '/membersCount',
  '/website',
];

/**
 * The profile's edit form, started from the record at `revision` and sent with If-Match of that
 * revision: a change made meanwhile by someone else answers 412, and the alert offers to reload
 * (the form then starts again from the current record).
 */
export function ProfileEditor(props: {
  associationId: string;
  record: ApiRecord;
  revision: number;
  onSaved(): void;
  onReload(): void;
  /** A new save starts: what the page said of the previous one no longer holds. */
  onSubmit(): void;
}) {
  const { t } = useStrings(STRINGS);
  const [draft, setDraft] = useState<ProfileDraft>(() => draftOf(props.record));
  const [checked, setChecked] = useState(false);
  const save = useRegistryCommand({
    idempotent: false,
    ifMatch: props.revision,
    run: (body: Changes, headers) =>
      associationsControllerChangeProfile({
        path: { associationId: props.associationId },
        body,
        headers,
        throwOnError: true,
      }),
    onSuccess: props.onSaved,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(draftProblems(draft)).length > 0) return;
    props.onSubmit();
    void save.submit(profileBody(draft, 'changes') as Changes);
  };
  return (
    <form noValidate onSubmit={submit} aria-label={t('profile.editTitle')}>
      <Stack gap="sm">
        <CommandAlert
          command={save}
          claimed={claimedUnder(save.problem, CHANGE_POINTERS)}
          onReload={props.onReload}
        />
        <ProfileFields value={draft} onChange={setDraft} problem={save.problem} base="" checked={checked} />
        <Group>
          <Button type="submit" loading={save.pending}>
            {t('profile.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
