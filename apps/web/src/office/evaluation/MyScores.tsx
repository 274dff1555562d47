import { Table, Title } from '@mantine/core';
import { ApiRecord, localizedField, numberField, textField } from '../../api/record-fields';
import { useFormatters } from '../../format/use-formatters';
import { usePreferences } from '../../i18n/PreferencesProvider';
import { useStrings } from '../../i18n/strings';
import { STRINGS } from './strings';

/** The scores the evaluator sent (from the dossier: their own sheet only). */
export function MyScores(props: { scores: ApiRecord[]; criteria: ApiRecord[] }) {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const nameOf = (criterionId: string) => {
    const criterion = props.criteria.find((c) => textField(c, 'criterionId') === criterionId);
    return (criterion && localizedField(criterion, 'name', language)) ?? criterionId;
  };
  return (
    <section aria-labelledby="my-scores-title">
      <Title order={2} size="h3" id="my-scores-title" mb="sm">
        {t('myScores.title')}
      </Title>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('myScores.criterion')}</Table.Th>
            <Table.Th>{t('myScores.points')}</Table.Th>
            <Table.Th>{t('myScores.comment')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.scores.map((score) => {
            const criterionId = textField(score, 'criterionId') ?? '';
            return (
              <Table.Tr key={criterionId}>
                <Table.Td>{nameOf(criterionId)}</Table.Td>
                <Table.Td>{format.count(numberField(score, 'points') ?? 0)}</Table.Td>
                <Table.Td>{textField(score, 'comment')}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </section>
  );
}
