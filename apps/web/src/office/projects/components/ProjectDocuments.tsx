import { Button, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { numberField, textField } from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { useStrings } from '../../../i18n/strings';
import { fetchProjectDocument, projectDocumentsQuery } from '../queries';
import { STRINGS } from '../strings';
import { Section } from './Section';
import { saveFile } from '../../forms/save-file';

/** The project's documents (evidence of results among them), each downloadable. */
export function ProjectDocuments(props: { projectId: string }) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const documents = useQuery(projectDocumentsQuery(props.projectId));
  const [failed, setFailed] = useState(false);
  return (
    <Section title={t('documents.title')}>
      {documents.isError && <Text c="red.9">{t('loadFailed')}</Text>}
      {failed && (
        <Text c="red.9" role="alert">
          {t('documents.downloadFailed')}
        </Text>
      )}
      {documents.data && documents.data.length === 0 && <Text size="sm">{t('documents.none')}</Text>}
      {documents.data && documents.data.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('documents.name')}</Table.Th>
                <Table.Th>{t('documents.kind')}</Table.Th>
                <Table.Th>{t('documents.size')}</Table.Th>
                <Table.Th>{t('documents.download')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {documents.data.map((doc) => {
                const sha256 = textField(doc, 'sha256') ?? '';
                const name = textField(doc, 'name') ?? sha256;
                return (
                  <Table.Tr key={sha256}>
                    <Table.Td>{name}</Table.Td>
                    <Table.Td>{t(`documentKind.${textField(doc, 'kind') ?? 'other'}`)}</Table.Td>
                    <Table.Td>
                      {t('documents.bytes', { size: format.count(numberField(doc, 'size') ?? 0) })}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t('documents.downloadOne', { name })}
                        onClick={async () => {
                          setFailed(false);
                          try {
                            saveFile(await fetchProjectDocument(props.projectId, sha256), name);
                          } catch {
                            setFailed(true);
                          }
                        }}
                      >
                        {t('documents.download')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
