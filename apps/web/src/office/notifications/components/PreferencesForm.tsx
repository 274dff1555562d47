import { Button, Checkbox, Group, Radio, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { preferencesControllerSet } from '../../../api/generated';
import type { ApiRecord } from '../../../api/record-fields';
import { useCommand } from '../../../api/use-command';
import { LANGUAGES } from '../../../i18n/languages';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { bodyOf, draftOf, type PreferencesDraft } from '../preferences-form';
import { CADENCES, NOTIFICATIONS_KEY, PERSON_CHANNELS } from '../queries';
import { STRINGS } from '../strings';

const POINTERS = ['/channels', '/language', '/cadence', '/quietHours/from', '/quietHours/to'] as const;

/** The settings, saved with the revision read as If-Match (none before the first save). */
export function PreferencesForm(props: {
  recipientId: string;
  record: ApiRecord;
  revision: number;
  onDone(message: string): void;
  onReload(): void;
}) {
  const { t } = useStrings(STRINGS);
  const [draft, setDraft] = useState<PreferencesDraft>(() => draftOf(props.record));
  const change = (values: Partial<PreferencesDraft>) => setDraft((d) => ({ ...d, ...values }));
  const save = useCommand({
    run: async (body: ReturnType<typeof bodyOf>, headers) =>
      (
        await preferencesControllerSet({
          path: { recipientId: props.recipientId },
          body,
          headers,
          throwOnError: true,
        })
      ).data,
    idempotent: false,
    ifMatch: props.revision >= 0 ? props.revision : undefined,
    invalidates: [[...NOTIFICATIONS_KEY, 'preferences']],
    onSuccess: () => props.onDone(t('preferences.saved')),
  });
  return (
    <Stack
      component="form"
      gap="md"
      onSubmit={(event) => {
        event.preventDefault();
        void save.submit(bodyOf(draft, props.record));
      }}
    >
      <CommandAlert command={save} claimed={POINTERS} onReload={props.onReload} />
      <Checkbox.Group
        label={t('preferences.channels')}
        value={draft.channels}
        onChange={(values) => change({ channels: PERSON_CHANNELS.filter((c) => values.includes(c)) })}
        error={save.fieldError('/channels')}
      >
        <Group gap="lg" mt={4}>
          {PERSON_CHANNELS.map((channel) => (
            <Checkbox key={channel} value={channel} label={t(`preferences.channel.${channel}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <Radio.Group
        label={t('preferences.language')}
        value={draft.language}
        onChange={(value) => change({ language: LANGUAGES.find((l) => l === value) ?? draft.language })}
        error={save.fieldError('/language')}
      >
        <Group gap="lg" mt={4}>
          {LANGUAGES.map((language) => (
            <Radio key={language} value={language} label={t(`language.${language}`)} />
          ))}
        </Group>
      </Radio.Group>
      <Radio.Group
        label={t('preferences.cadence')}
        value={draft.cadence}
        onChange={(value) => change({ cadence: CADENCES.find((c) => c === value) ?? draft.cadence })}
        error={save.fieldError('/cadence')}
      >
        <Group gap="lg" mt={4}>
          {CADENCES.map((cadence) => (
            <Radio key={cadence} value={cadence} label={t(`preferences.cadenceOption.${cadence}`)} />
          ))}
        </Group>
      </Radio.Group>
      <Radio.Group
        label={t('preferences.quietHours')}
        value={draft.quiet ? 'set' : 'none'}
        onChange={(value) => change({ quiet: value === 'set' })}
      >
        <Group gap="lg" mt={4}>
          <Radio value="none" label={t('preferences.quietHoursNone')} />
          <Radio value="set" label={t('preferences.quietHoursSet')} />
        </Group>
      </Radio.Group>
      {draft.quiet && (
        <Group gap="md" align="flex-start">
          <TextInput
            type="time"
            label={t('preferences.from')}
            value={draft.from}
            onChange={(event) => change({ from: event.currentTarget.value })}
            error={save.fieldError('/quietHours/from')}
            w={160}
          />
          <TextInput
            type="time"
            label={t('preferences.to')}
            value={draft.to}
            onChange={(event) => change({ to: event.currentTarget.value })}
            error={save.fieldError('/quietHours/to')}
            w={160}
          />
        </Group>
      )}
      <Group>
        <Button type="submit" loading={save.pending}>
          {t('preferences.save')}
        </Button>
      </Group>
    </Stack>
  );
}
