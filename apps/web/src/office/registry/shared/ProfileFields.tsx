import { SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { Problem } from '../../../api/problem';
import { useStrings } from '../../../i18n/strings';
import { LocalizedTextInputs } from '../../forms/LocalizedTextInputs';
import { ReferenceMultiSelect } from '../../forms/ReferenceSelects';
import { STRINGS } from '../strings';
import { errorAt, errorUnder } from './field-errors';
import { draftProblems, ProfileDraft } from './profile-draft';

/** The pointers (and everything under them) ProfileFields shows errors for. */
export const PROFILE_POINTERS = [
  '/profile/names',
  '/profile/acronym',
  '/profile/hostCountries',
  '/profile/hostCities',
  '/profile/originProvinces',
  '/profile/sectors',
  '/profile/membersCount',
  '/profile/website',
];

/**
 * An association's profile: names in three languages, where it works abroad, where its members come
 * from, its sectors and size. Each field shows what the form could not read, else the platform's
 * error for its pointer (`base` is `/profile` when registering, `` when editing).
 */
export function ProfileFields(props: {
  value: ProfileDraft;
  onChange(value: ProfileDraft): void;
  problem: Problem | null;
  base: '/profile' | '';
  /** Show what the form cannot read (after a first attempt to send it). */
  checked: boolean;
}) {
  const { t } = useStrings(STRINGS);
  const { value, onChange } = props;
  const local = props.checked ? draftProblems(value) : {};
  const error = (field: string) => {
    const own = local[`/profile/${field}`];
    if (own) return t(`profile.invalid.${own}`);
    return errorUnder(props.problem, `${props.base}/${field}`);
  };
  const set = (field: keyof ProfileDraft) => (event: { currentTarget: { value: string } }) =>
    onChange({ ...value, [field]: event.currentTarget.value });
  return (
    <Stack gap="sm">
      <LocalizedTextInputs
        legend={t('profile.names')}
        value={value.names}
        onChange={(names) => onChange({ ...value, names })}
        error={(pointer) => errorAt(props.problem, pointer)}
        pointer={`${props.base}/names`}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('profile.acronym')}
          value={value.acronym}
          onChange={set('acronym')}
          maxLength={30}
          error={error('acronym')}
        />
        <TextInput
          label={t('profile.membersCount')}
          inputMode="numeric"
          value={value.membersCount}
          onChange={set('membersCount')}
          error={error('membersCount')}
        />
        <ReferenceMultiSelect
          kind="hostCountries"
          label={t('profile.hostCountries')}
          value={value.hostCountries}
          onChange={(hostCountries) => onChange({ ...value, hostCountries })}
          error={error('hostCountries')}
          required
        />
        <ReferenceMultiSelect
          kind="provinces"
          label={t('profile.originProvinces')}
          value={value.originProvinces}
          onChange={(originProvinces) => onChange({ ...value, originProvinces })}
          error={error('originProvinces')}
        />
        <ReferenceMultiSelect
          kind="sectors"
          label={t('profile.sectors')}
          value={value.sectors}
          onChange={(sectors) => onChange({ ...value, sectors })}
          error={error('sectors')}
        />
        <TextInput
          label={t('profile.website')}
          type="url"
          dir="ltr"
          value={value.website}
          onChange={set('website')}
          error={error('website')}
        />
      </SimpleGrid>
      <Textarea
        label={t('profile.hostCities')}
        description={t('profile.hostCitiesHint')}
        autosize
        minRows={2}
        value={value.hostCities}
        onChange={set('hostCities')}
        error={error('hostCities')}
      />
    </Stack>
  );
}
