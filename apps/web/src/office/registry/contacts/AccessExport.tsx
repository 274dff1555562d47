import { Button, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { textField } from '../../../api/record-fields';
import { useStrings } from '../../../i18n/strings';
import { contactExportQuery } from '../queries';
import { STRINGS } from '../strings';
import { exportFileName } from './contact-fields';

/**
 * The person's right of access: the export (card in clear, consent history, every processing)
 * read only when the officer asks, shown as it is and offered as a JSON file.
 */
export function AccessExport({ subjectId }: { subjectId: string }) {
  const { t } = useStrings(STRINGS);
  const [asked, setAsked] = useState(false);
  const exported = useQuery({ ...contactExportQuery(subjectId), enabled: asked });
  const json = exported.data ? JSON.stringify(exported.data, null, 2) : null;
  const url = useMemo(
    () => (json ? URL.createObjectURL(new Blob([json], { type: 'application/json' })) : null),
    [json],
  );
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return (
    <section aria-labelledby="contact-export">
      <Stack gap="sm">
        <Title order={2} size="h3" id="contact-export">
          {t('export.title')}
        </Title>
        <Text size="sm">{t('export.intro')}</Text>
        <Group>
          <Button
            variant="default"
            loading={exported.isFetching}
            onClick={() => (asked ? void exported.refetch() : setAsked(true))}
          >
            {t('export.show')}
          </Button>
          {url && exported.data && (
            <Button
              component="a"
              href={url}
              download={exportFileName(subjectId, textField(exported.data, 'exportedAt'))}
            >
              {t('export.download')}
            </Button>
          )}
        </Group>
        {exported.isError && <Text c="red.9">{t('common.loadError')}</Text>}
        {json && (
          <Code
            block
            dir="ltr"
            aria-label={t('export.content')}
            tabIndex={0}
            style={{ maxHeight: 360, overflow: 'auto' }}
          >
            {json}
          </Code>
        )}
      </Stack>
    </section>
  );
}
