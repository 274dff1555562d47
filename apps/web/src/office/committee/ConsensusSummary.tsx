import { List, Table, Text, Title } from '@mantine/core';
import {
  ApiRecord,
  localizedField,
  numberField,
  recordField,
  recordListField,
  textField,
  textListField,
} from '../../api/record-fields';
import { useFormatters } from '../../format/use-formatters';
import { usePreferences } from '../../i18n/PreferencesProvider';
import { useStrings } from '../../i18n/strings';
import { formatConsensus } from './ranking';
import { STRINGS } from './strings';

/** The consensus the committee reached: overall and per criterion, with the thresholds. */
export function ConsensusSummary(props: { consensus: ApiRecord; application: ApiRecord }) {
  const { t } = useStrings(STRINGS);
  const { language, locale } = usePreferences();
  const format = useFormatters();
  const criteria = recordListField(
    recordField(recordField(props.application, 'terms') ?? {}, 'awardCriteria') ?? {},
    'criteria',
  );
  const nameOf = (id: string) => {
    const criterion = criteria.find((c) => textField(c, 'criterionId') === id);
    return (criterion && localizedField(criterion, 'name', language)) ?? id;
  };
  const failed = textListField(props.consensus, 'failedThresholds');
  const version = textField(props.consensus, 'rulesVersion');
  return (
    <section aria-labelledby="consensus-title">
      <Title order={2} size="h3" id="consensus-title" mb="xs">
        {t('consensus.title')}
      </Title>
      <List spacing={2} mb="sm">
        <List.Item>
          {t('labelled', {
            label: t('consensus.overall'),
            value: `${formatConsensus(numberField(props.consensus, 'consensus') ?? 0, locale)} / ${format.count(100)}`,
          })}
        </List.Item>
        <List.Item>
          {props.consensus['passedThresholds'] === true
            ? t('consensus.passed')
            : t('consensus.failed', { criteria: failed.map(nameOf).join(', ') })}
        </List.Item>
        {version && <List.Item>{t('consensus.rules', { version })}</List.Item>}
      </List>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('consensus.criterion')}</Table.Th>
            <Table.Th>{t('consensus.weight')}</Table.Th>
            <Table.Th>{t('consensus.threshold')}</Table.Th>
            <Table.Th>{t('consensus.score')}</Table.Th>
            <Table.Th>{t('consensus.range')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {recordListField(props.consensus, 'perCriterion').map((criterion) => {
            const id = textField(criterion, 'criterionId') ?? '';
            const lowest = numberField(criterion, 'lowest');
            const highest = numberField(criterion, 'highest');
            return (
              <Table.Tr key={id}>
                <Table.Td>{nameOf(id)}</Table.Td>
                <Table.Td>{format.percent(numberField(criterion, 'weight') ?? 0)}</Table.Td>
                <Table.Td>{format.count(numberField(criterion, 'threshold') ?? 0)}</Table.Td>
                <Table.Td>
                  <Text span c={criterion['passed'] === false ? 'red.9' : undefined}>
                    {formatConsensus(numberField(criterion, 'consensus') ?? 0, locale)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {lowest !== undefined && highest !== undefined
                    ? `${format.count(lowest)} – ${format.count(highest)}`
                    : '—'}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </section>
  );
}
