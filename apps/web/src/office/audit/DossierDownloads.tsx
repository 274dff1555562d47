import { Alert, Button, Group, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { asProblem } from '../../api/problem';
import { useStrings } from '../../i18n/strings';
import { fetchDossier } from './queries';
import { STRINGS } from './strings';
import { saveFile } from '../forms/save-file';

const LANGUAGES = ['ar', 'fr', 'en'] as const;

/** The audit dossier as of the same moment, in Arabic, French or English. */
export function DossierDownloads(props: { applicationId: string; asOf: string | undefined }) {
  const { t } = useStrings(STRINGS);
  const [pending, setPending] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<{ fileName: string } | { error: string } | undefined>();

  const download = async (lang: (typeof LANGUAGES)[number]) => {
    setPending(lang);
    setOutcome(undefined);
    try {
      const { blob, fileName } = await fetchDossier(props.applicationId, lang, props.asOf);
      saveFile(blob, fileName);
      setOutcome({ fileName });
    } catch (error) {
      const problem = asProblem(error);
      setOutcome({ error: problem.detail ?? problem.title });
    } finally {
      setPending(undefined);
    }
  };

  return (
    <section aria-labelledby="audit-dossier">
      <Title order={2} size="h3" id="audit-dossier" mb="xs">
        {t('replay.dossier')}
      </Title>
      <Text mb="sm">{t('replay.dossierIntro')}</Text>
      <Group gap="sm">
        {LANGUAGES.map((lang) => (
          <Button key={lang} variant="default" loading={pending === lang} onClick={() => void download(lang)}>
            {t('replay.download', { language: t(`replay.languages.${lang}`) })}
          </Button>
        ))}
      </Group>
      {outcome && 'fileName' in outcome && (
        <Text role="status" mt="sm">
          {t('replay.downloaded', { fileName: outcome.fileName })}
        </Text>
      )}
      {outcome && 'error' in outcome && (
        <Alert color="red" role="alert" mt="sm">
          {t('replay.downloadFailed', { detail: outcome.error })}
        </Alert>
      )}
    </section>
  );
}
