import { Anchor, Table, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { Link } from 'react-router';
import { useFormatters } from '../../format/use-formatters';
import { usePreferences } from '../../i18n/PreferencesProvider';
import { useStrings } from '../../i18n/strings';
import { CallRankingView, formatConsensus } from './ranking';
import { STRINGS } from './strings';

const REASON_COLOR: Record<string, string> = {
  funded: 'teal.9',
  'beyond-budget': 'red.9',
  declined: 'gray.7',
  'below-threshold': 'grape.9',
};

/** The call's ranking: rank, consensus out of 100, the funded set, and the budget line under it. */
export function RankingTable(props: { ranking: CallRankingView; titles: ReadonlyMap<string, string> }) {
  const { t } = useStrings(STRINGS);
  const { locale } = usePreferences();
  const format = useFormatters();
  const { lines, budgetLineAfter } = props.ranking;
  return (
    <section aria-labelledby="ranking-title">
      <Title order={2} size="h3" id="ranking-title" mb="xs">
        {t('ranking.title')}
      </Title>
      <Text mb="sm">{t('ranking.intro')}</Text>
      {props.ranking.scoringRulesVersion && (
        <Text size="sm" mb="sm">
          {t('call.rulesVersion', { version: props.ranking.scoringRulesVersion })}
        </Text>
      )}
      {lines.length === 0 ? (
        <Text c="dimmed">{t('ranking.empty')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ranking.rank')}</Table.Th>
              <Table.Th>{t('ranking.application')}</Table.Th>
              <Table.Th>{t('ranking.association')}</Table.Th>
              <Table.Th>{t('ranking.consensus')}</Table.Th>
              <Table.Th>{t('ranking.amount')}</Table.Th>
              <Table.Th>{t('ranking.funded')}</Table.Th>
              <Table.Th>{t('ranking.remainingAfter')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, index) => (
              <Fragment key={line.applicationId}>
                {index === budgetLineAfter && <BudgetLine />}
                <Table.Tr>
                  <Table.Td>{line.rank === null ? t('ranking.unranked') : format.count(line.rank)}</Table.Td>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/office/committee/applications/${encodeURIComponent(line.applicationId)}`}
                    >
                      {props.titles.get(line.applicationId) ?? line.applicationId}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{line.associationId}</Table.Td>
                  <Table.Td>{formatConsensus(line.consensus, locale)}</Table.Td>
                  <Table.Td>
                    {line.amount && format.money(line.amount.amountMinor, line.amount.currency)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={line.funded ? 700 : 400} c={REASON_COLOR[line.reason] ?? 'gray.7'}>
                      {t(`ranking.reason.${line.reason}`, { defaultValue: line.reason })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {line.remainingAfter &&
                      format.money(line.remainingAfter.amountMinor, line.remainingAfter.currency)}
                  </Table.Td>
                </Table.Tr>
              </Fragment>
            ))}
            {budgetLineAfter === lines.length && <BudgetLine />}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}

/** Where the call's budget runs out: the funded set above it. */
function BudgetLine() {
  const { t } = useStrings(STRINGS);
  return (
    <Table.Tr>
      <Table.Td colSpan={7} style={{ borderTop: '3px solid var(--mantine-color-orange-9)' }}>
        <Text size="sm" fw={700} c="red.9">
          {t('ranking.budgetLine')}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
