import { Button, Stack, Text, Title } from '@mantine/core';
import { evaluationsControllerOpen } from '../../api/generated';
import { useCommand } from '../../api/use-command';
import { useStrings } from '../../i18n/strings';
import { CommandAlert } from '../forms/CommandAlert';
import { assignmentsQuery, dossierQuery } from './queries';
import { STRINGS } from './strings';

/**
 * Step 2: opening the dossier (recorded). The platform answers 409 when no declaration came
 * first; that answer shows here as it is.
 */
export function OpenDossierPanel(props: { applicationId: string; onOpened(): void }) {
  const { t } = useStrings(STRINGS);
  const open = useCommand({
    run: async (_: null, headers) =>
      (
        await evaluationsControllerOpen({
          path: { applicationId: props.applicationId },
          headers,
          throwOnError: true,
        })
      ).data,
    invalidates: [assignmentsQuery.queryKey, dossierQuery(props.applicationId).queryKey],
    onSuccess: () => props.onOpened(),
  });
  return (
    <section aria-labelledby="open-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="open-title">
          {t('open.title')}
        </Title>
        <Text>{t('open.intro')}</Text>
        <CommandAlert command={open} />
        <div>
          <Button onClick={() => void open.submit(null)} loading={open.pending}>
            {t('open.submit')}
          </Button>
        </div>
      </Stack>
    </section>
  );
}
