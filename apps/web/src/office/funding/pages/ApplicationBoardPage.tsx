import { Anchor, Group, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiRecord, localizedField, moneyField, recordField, textField } from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { evaluatorProgress, nextStep } from '../board-progress';
import { FundingNav } from '../components/FundingNav';
import { QueryState } from '../components/QueryState';
import { boardQuery, officerCallQuery } from '../queries';
import { STRINGS } from '../strings';

const PAGE_SIZE = 20;

/** A call's applications: where each stands, its flags, screening and evaluators, and what comes next. */
export function ApplicationBoardPage() {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const callId = useParams()['callId'] ?? '';
  const [page, setPage] = useState(1);
  const call = useQuery(officerCallQuery(callId));
  const board = useQuery(boardQuery(callId, page));
  const title = call.data ? localizedField(call.data.record, 'title', language) : undefined;
  return (
    <Stack gap="md">
      <FundingNav />
      <div>
        <Anchor component={Link} to={`/office/funding/calls/${encodeURIComponent(callId)}`} size="sm">
          {t('board.back')}
        </Anchor>
        <Title order={1}>{t('board.title', { call: title ?? callId })}</Title>
      </div>
      <QueryState query={board} />
      {board.data &&
        (board.data.items.length === 0 ? (
          <Text c="dimmed">{t('board.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('board.columns.application')}</Table.Th>
                  <Table.Th>{t('board.columns.status')}</Table.Th>
                  <Table.Th>{t('board.columns.requested')}</Table.Th>
                  <Table.Th>{t('board.columns.screening')}</Table.Th>
                  <Table.Th>{t('board.columns.evaluators')}</Table.Th>
                  <Table.Th>{t('board.columns.next')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {board.data.items.map((line) => (
                  <BoardLine key={textField(line, 'applicationId')} line={line} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ))}
      {board.data && board.data.total > PAGE_SIZE && (
        <Pagination
          total={Math.ceil(board.data.total / PAGE_SIZE)}
          value={page}
          onChange={setPage}
          getControlProps={(control) => ({ 'aria-label': t(`pages.${control}`) })}
        />
      )}
    </Stack>
  );
}

function BoardLine({ line }: { line: ApiRecord }) {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const id = textField(line, 'applicationId') ?? '';
  const status = textField(line, 'status') ?? '';
  const flag = recordField(line, 'flag');
  const screening = recordField(line, 'screening');
  const requested = moneyField(line, 'amountRequested');
  const progress = evaluatorProgress(line);
  const to = `/office/funding/applications/${encodeURIComponent(id)}`;
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={to}>
          {localizedField(line, 'title', language) ?? id}
        </Anchor>
        <Text size="xs" c="dimmed">
          {textField(line, 'associationId')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          <Text size="sm">{t(`applicationStatus.${status}`, { defaultValue: status })}</Text>
          {flag && (
            <Text size="sm" fw={700} c="red.9" title={textField(flag, 'reason')}>
              {t('board.flagged')}
            </Text>
          )}
        </Group>
      </Table.Td>
      <Table.Td>{requested ? format.money(requested.amountMinor, requested.currency) : '—'}</Table.Td>
      <Table.Td>
        {screening
          ? screening['eligible'] === true
            ? t('board.eligible')
            : t('board.ineligible')
          : t('board.notScreened')}
      </Table.Td>
      <Table.Td>
        {t('board.progress', {
          assigned: format.count(progress.assigned),
          declared: format.count(progress.declared),
          scored: format.count(progress.scored),
        })}
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={to}>
          {t(`board.next.${nextStep(line)}`)}
        </Anchor>
      </Table.Td>
    </Table.Tr>
  );
}
