import { Table, Text } from '@mantine/core';
import {
  ApiRecord,
  localizedField,
  moneyField,
  recordListField,
  textField,
} from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { STRINGS } from '../strings';
import { Section } from './Section';

const TOTALS = ['budget', 'granted', 'cofinancing', 'disbursed', 'spent'] as const;

/** The project's money: budget lines, co-financing, totals per currency, what was disbursed and spent. */
export function ProjectMoney(props: { record: ApiRecord }) {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const money = (record: ApiRecord, key: string) => {
    const amount = moneyField(record, key);
    return amount ? format.money(amount.amountMinor, amount.currency) : '—';
  };
  const day = (record: ApiRecord) => {
    const on = textField(record, 'on');
    return on ? format.date(on) : '—';
  };
  const { record } = props;
  const disbursements = recordListField(record, 'disbursements');
  const expenditures = recordListField(record, 'expenditures');
  return (
    <Section title={t('money.title')}>
      <Table.ScrollContainer minWidth={480}>
        <Table captionSide="top">
          <Table.Caption>{t('money.budgetLines')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('money.line')}</Table.Th>
              <Table.Th>{t('money.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {recordListField(record, 'budgetLines').map((line) => (
              <Table.Tr key={textField(line, 'lineId')}>
                <Table.Td>{localizedField(line, 'label', language) ?? textField(line, 'lineId')}</Table.Td>
                <Table.Td>{money(line, 'amount')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Table.ScrollContainer minWidth={480}>
        <Table captionSide="top">
          <Table.Caption>{t('money.cofinancing')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('money.party')}</Table.Th>
              <Table.Th>{t('money.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {recordListField(record, 'cofinancing').map((share) => (
              <Table.Tr key={`${textField(share, 'partyId')}-${moneyField(share, 'amount')?.currency}`}>
                <Table.Td>{textField(share, 'partyId')}</Table.Td>
                <Table.Td>{money(share, 'amount')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Table.ScrollContainer minWidth={640}>
        <Table captionSide="top">
          <Table.Caption>{t('money.totals')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {TOTALS.map((key) => (
                <Table.Th key={key}>{t(`money.total.${key}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {recordListField(record, 'totals').map((totals, i) => (
              <Table.Tr key={i}>
                {TOTALS.map((key) => (
                  <Table.Td key={key}>{money(totals, key)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Table.ScrollContainer minWidth={480}>
        <Table captionSide="top">
          <Table.Caption>{t('money.disbursements')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('money.on')}</Table.Th>
              <Table.Th>{t('money.amount')}</Table.Th>
              <Table.Th>{t('money.source')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {disbursements.map((d) => (
              <Table.Tr key={textField(d, 'trancheId')}>
                <Table.Td>{day(d)}</Table.Td>
                <Table.Td>{money(d, 'amount')}</Table.Td>
                <Table.Td>{t(`money.sources.${textField(d, 'source') ?? 'manual'}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {disbursements.length === 0 && <Text size="sm">{t('money.noDisbursement')}</Text>}
      <Table.ScrollContainer minWidth={480}>
        <Table captionSide="top">
          <Table.Caption>{t('money.expenditures')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('money.on')}</Table.Th>
              <Table.Th>{t('money.amount')}</Table.Th>
              <Table.Th>{t('money.description')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {expenditures.map((e) => (
              <Table.Tr key={textField(e, 'expenditureId')}>
                <Table.Td>{day(e)}</Table.Td>
                <Table.Td>{money(e, 'amount')}</Table.Td>
                <Table.Td>{textField(e, 'description')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {expenditures.length === 0 && <Text size="sm">{t('money.noExpenditure')}</Text>}
    </Section>
  );
}
