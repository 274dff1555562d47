import { Anchor, Pagination, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ApiRecord, localizedField, textField } from '../../api/record-fields';
import { useFormatters } from '../../format/use-formatters';
import { usePreferences } from '../../i18n/PreferencesProvider';
import { useStrings } from '../../i18n/strings';
import { STRINGS as OFFICE_STRINGS } from '../strings';
import { ConsensusButton } from './ConsensusButton';
import { committeeAction, evaluatorsProgress } from './next-action';
import { STRINGS } from './strings';

/** The call's applications with the committee's next action on each (the consensus right here). */
export function CallBoard(props: {
  callId: string;
  items: ApiRecord[];
  total: number;
  pageSize: number;
  page: number;
  onPage(page: number): void;
}) {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  return (
    <section aria-labelledby="board-title">
      <Title order={2} size="h3" id="board-title" mb="sm">
        {t('board.title')}
      </Title>
      {props.items.length === 0 ? (
        <Text c="dimmed">{t('board.empty')}</Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('board.application')}</Table.Th>
              <Table.Th>{t('board.status')}</Table.Th>
              <Table.Th>{t('board.evaluators')}</Table.Th>
              <Table.Th>{t('board.next')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.items.map((item) => {
              const applicationId = textField(item, 'applicationId') ?? '';
              const title = localizedField(item, 'title', language) ?? applicationId;
              const status = textField(item, 'status');
              const progress = evaluatorsProgress(item);
              const action = committeeAction(item);
              const to = `/office/committee/applications/${encodeURIComponent(applicationId)}`;
              return (
                <Table.Tr key={applicationId}>
                  <Table.Td>
                    <Anchor component={Link} to={to}>
                      {title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{status && t(`status.${status}`, { defaultValue: status })}</Table.Td>
                  <Table.Td>
                    {progress.assigned > 0 &&
                      t('board.evaluatorsProgress', {
                        scored: format.count(progress.scored),
                        assigned: format.count(progress.assigned),
                      })}
                  </Table.Td>
                  <Table.Td>
                    {action === 'consensus' ? (
                      <ConsensusButton
                        applicationId={applicationId}
                        callId={props.callId}
                        label={t('board.open', { action: t('board.action.consensus'), title })}
                      />
                    ) : action === 'wait' ? (
                      <Text size="sm">{t('board.action.wait')}</Text>
                    ) : (
                      <Anchor
                        component={Link}
                        to={to}
                        aria-label={t('board.open', { action: t(`board.action.${action}`), title })}
                      >
                        {t(`board.action.${action}`)}
                      </Anchor>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {props.total > props.pageSize && (
        <Pagination
          mt="sm"
          total={Math.ceil(props.total / props.pageSize)}
          value={props.page}
          onChange={props.onPage}
          getControlProps={(control) => ({
            'aria-label': tOffice(control === 'previous' ? 'form.previous' : 'form.next'),
          })}
        />
      )}
    </section>
  );
}
