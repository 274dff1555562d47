import { Code, List, Table, Text, Title } from '@mantine/core';
import {
  ApiRecord,
  localizedField,
  moneyField,
  numberField,
  recordField,
  recordListField,
  textField,
  textListField,
} from '../../api/record-fields';
import { useFormatters } from '../../format/use-formatters';
import { usePreferences } from '../../i18n/PreferencesProvider';
import { useStrings } from '../../i18n/strings';
import { useRegionNames } from '../../pages/shared/use-region-names';
import { STRINGS } from './strings';

/** The call's criteria as the dossier carries them (with the terms the application was screened under). */
export const dossierCriteria = (dossier: ApiRecord): ApiRecord[] =>
  recordListField(recordField(dossier, 'awardCriteria') ?? {}, 'criteria');

/** What the evaluator reads before scoring: the proposal, its documents, the criteria. */
export function DossierDetails(props: { dossier: ApiRecord }) {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const { nameOf } = useRegionNames();
  const proposal = recordField(props.dossier, 'proposal') ?? {};
  const requested = moneyField(proposal, 'amountRequested');
  const coFinancing = moneyField(proposal, 'coFinancing');
  const region = textField(recordField(proposal, 'region') ?? {}, 'code');
  const submittedAt = textField(props.dossier, 'submittedAt');
  const documents = recordListField(proposal, 'documents');
  const overall = numberField(recordField(props.dossier, 'awardCriteria') ?? {}, 'overallThreshold');
  return (
    <section aria-labelledby="dossier-title">
      <Title order={2} size="h3" id="dossier-title" mb="sm">
        {t('dossier.title')}
      </Title>
      <Text mb="sm">{localizedField(proposal, 'summary', language)}</Text>
      <List spacing={4} mb="md">
        {requested && (
          <List.Item>
            {t('labelled', {
              label: t('dossier.amountRequested'),
              value: format.money(requested.amountMinor, requested.currency),
            })}
          </List.Item>
        )}
        {coFinancing && (
          <List.Item>
            {t('labelled', {
              label: t('dossier.coFinancing'),
              value: format.money(coFinancing.amountMinor, coFinancing.currency),
            })}
          </List.Item>
        )}
        {region && (
          <List.Item>{t('labelled', { label: t('dossier.region'), value: nameOf(region) })}</List.Item>
        )}
        <List.Item>
          {t('labelled', {
            label: t('dossier.sectors'),
            value: textListField(proposal, 'sectors').join(', '),
          })}
        </List.Item>
        {submittedAt && (
          <List.Item>
            {t('labelled', { label: t('dossier.submittedAt'), value: format.dateTime(submittedAt) })}
          </List.Item>
        )}
      </List>

      <Title order={3} size="h4" mb="xs">
        {t('dossier.documents')}
      </Title>
      {documents.length === 0 ? (
        <Text c="dimmed" mb="md">
          {t('dossier.noDocuments')}
        </Text>
      ) : (
        <Table mb="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dossier.documentName')}</Table.Th>
              <Table.Th>{t('dossier.documentKind')}</Table.Th>
              <Table.Th>{t('dossier.sha256')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {documents.map((document) => (
              <Table.Tr key={textField(document, 'documentId')}>
                <Table.Td>{textField(document, 'name')}</Table.Td>
                <Table.Td>{textField(document, 'kind')}</Table.Td>
                <Table.Td>
                  <Code dir="ltr" style={{ wordBreak: 'break-all' }}>
                    {textField(document, 'sha256')}
                  </Code>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Title order={3} size="h4" mb="xs">
        {t('dossier.criteria')}
      </Title>
      <Table mb="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dossier.criterion')}</Table.Th>
            <Table.Th>{t('dossier.weight')}</Table.Th>
            <Table.Th>{t('dossier.threshold')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {dossierCriteria(props.dossier).map((criterion) => (
            <Table.Tr key={textField(criterion, 'criterionId')}>
              <Table.Td>
                {localizedField(criterion, 'name', language) ?? textField(criterion, 'criterionId')}
              </Table.Td>
              <Table.Td>{format.percent(numberField(criterion, 'weight') ?? 0)}</Table.Td>
              <Table.Td>
                {t('dossier.points', { points: format.count(numberField(criterion, 'threshold') ?? 0) })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {overall !== undefined && (
        <Text size="sm">{t('dossier.overallThreshold', { points: format.count(overall) })}</Text>
      )}
    </section>
  );
}
