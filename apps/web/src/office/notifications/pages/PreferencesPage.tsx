import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { numberField } from '../../../api/record-fields';
import { useStrings } from '../../../i18n/strings';
import { useSession } from '../../../session/SessionProvider';
import { DoneNotice } from '../../forms/DoneNotice';
import { STRINGS as OFFICE_STRINGS } from '../../strings';
import { NotificationsNav } from '../components/NotificationsNav';
import { PreferencesForm } from '../components/PreferencesForm';
import { UnsubscribedCategories } from '../components/UnsubscribedCategories';
import { preferencesQuery } from '../queries';
import { STRINGS } from '../strings';

/** The signed-in person's own preferences: channels, language, cadence, quiet hours, categories. */
export function PreferencesPage() {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const recipientId = useSession().actor?.id ?? '';
  const [done, setDone] = useState<string | null>(null);
  const preferences = useQuery(preferencesQuery(recipientId));
  const record = preferences.data;
  const revision = record ? (numberField(record, 'revision') ?? -1) : -1;
  return (
    <Stack gap="md" maw={720}>
      <NotificationsNav />
      <Title order={1}>{t('preferences.title')}</Title>
      <Text>{t('preferences.intro')}</Text>
      <DoneNotice message={done} />
      {preferences.isPending && <Loader aria-label={tOffice('form.loading')} />}
      {preferences.isError && <Alert color="red" title={tOffice('form.loadError')} />}
      {record && (
        <>
          {record['isDefault'] === true && <Text c="dimmed">{t('preferences.defaults')}</Text>}
          {/* Keyed by the revision: once saved (or reloaded), the form starts again from the record. */}
          <PreferencesForm
            key={revision}
            recipientId={recipientId}
            record={record}
            revision={revision}
            onDone={setDone}
            onReload={() => void preferences.refetch()}
          />
          <UnsubscribedCategories recipientId={recipientId} record={record} onDone={setDone} />
        </>
      )}
    </Stack>
  );
}
