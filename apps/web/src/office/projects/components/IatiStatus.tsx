import { Badge, Code, Group, List, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useStrings } from '../../../i18n/strings';
import { Notice } from '../../forms/Notice';
import { iatiStatusQuery } from '../queries';
import { STRINGS } from '../strings';
import { Section } from './Section';

/** The project's activity checked as IATI would: XSD errors, rule findings with their ids, or what is missing. */
export function IatiStatus(props: { projectId: string }) {
  const { t } = useStrings(STRINGS);
  const { data, isPending, isError } = useQuery(iatiStatusQuery(props.projectId));
  return (
    <Section title={t('iati.title')}>
      {isPending && <Text>{t('loading')}</Text>}
      {isError && <Text c="red.9">{t('loadFailed')}</Text>}
      {data && (
        <>
          <Group gap="xs">
            <Text>{t('iati.identifier')}</Text>
            <Code>{data.identifier}</Code>
            <Badge variant="outline" color={data.published ? 'teal.9' : 'gray.9'}>
              {t(data.published ? 'iati.published' : 'iati.notPublished')}
            </Badge>
          </Group>
          {data.missing && data.missing.length > 0 ? (
            <Notice tone="danger" title={t('iati.missing')} role="status">
              <List size="sm">
                {data.missing.map((what) => (
                  <List.Item key={what}>{what}</List.Item>
                ))}
              </List>
            </Notice>
          ) : (
            <Notice
              tone={data.valid ? 'success' : 'danger'}
              title={data.valid ? t('iati.valid') : t('iati.invalid')}
              role="status"
            >
              <Text size="sm">
                {t('iati.counts', {
                  schema: data.schemaErrors.length,
                  errors: data.findings.filter((f) => f.severity === 'error').length,
                  warnings: data.findings.filter((f) => f.severity === 'warning').length,
                })}
              </Text>
            </Notice>
          )}
          {data.schemaErrors.length > 0 && (
            <List size="sm" aria-label={t('iati.schemaErrors')}>
              {data.schemaErrors.map((error, i) => (
                <List.Item key={i}>
                  {error.line !== null ? t('iati.line', { line: error.line }) : ''} {error.message}
                </List.Item>
              ))}
            </List>
          )}
          {data.findings.length > 0 && (
            <Table.ScrollContainer minWidth={640}>
              <Table captionSide="top">
                <Table.Caption>{t('iati.findings')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('iati.rule')}</Table.Th>
                    <Table.Th>{t('iati.severity')}</Table.Th>
                    <Table.Th>{t('iati.message')}</Table.Th>
                    <Table.Th>{t('iati.path')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.findings.map((finding, i) => (
                    <Table.Tr key={`${finding.ruleId}-${i}`}>
                      <Table.Td>
                        <Code>{finding.ruleId}</Code>
                      </Table.Td>
                      <Table.Td>{t(`iati.severities.${finding.severity}`)}</Table.Td>
                      {/* The IATI validator words its rules in English. */}
                      <Table.Td lang="en">
                        {finding.message} {finding.detail}
                      </Table.Td>
                      <Table.Td>
                        <Code dir="ltr">{finding.path}</Code>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </Section>
  );
}
