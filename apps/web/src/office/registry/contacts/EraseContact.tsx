import { Alert, Button, Stack, TextInput, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { contactPersonsControllerErase } from '../../../api/generated';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { useRegistryCommand } from '../shared/use-registry-command';
import { STRINGS } from '../strings';

/**
 * Erasure destroys the person's key: every sealed copy becomes unreadable, for good. The officer
 * types the confirmation word shown before the button acts.
 */
export function EraseContact(props: { subjectId: string; revision: number | undefined; onReload(): void }) {
  const { t } = useStrings(STRINGS);
  const [typed, setTyped] = useState('');
  const word = t('erase.word');
  const erase = useRegistryCommand({
    ifMatch: props.revision,
    run: (subjectId: string, headers) =>
      contactPersonsControllerErase({ path: { subjectId }, headers, throwOnError: true }),
  });
  const confirmed = typed.trim() === word;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (confirmed) void erase.submit(props.subjectId);
  };
  return (
    <section aria-labelledby="contact-erase">
      <form noValidate onSubmit={submit}>
        <Stack gap="sm" maw={520}>
          <Title order={2} size="h3" id="contact-erase">
            {t('erase.title')}
          </Title>
          <Alert color="red" variant="light" title={t('erase.irreversible')}>
            {t('erase.detail')}
          </Alert>
          <CommandAlert command={erase} onReload={props.onReload} />
          <TextInput
            label={t('erase.confirmLabel', { word })}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            autoComplete="off"
          />
          <Button type="submit" color="red.9" disabled={!confirmed} loading={erase.pending}>
            {t('erase.submit')}
          </Button>
        </Stack>
      </form>
    </section>
  );
}
