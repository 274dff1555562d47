import { Alert, Anchor, Badge, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import {
  ApiRecord,
  localizedField,
  moneyField,
  recordField,
  textField,
  textListField,
} from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { STRINGS as OFFICE_STRINGS } from '../../strings';
import { DoneNotice } from '../../forms/DoneNotice';
import { NeedClosing } from '../components/NeedClosing';
import { NeedMatches } from '../components/NeedMatches';
import { needQuery } from '../queries';
import { STRINGS } from '../strings';

/** One of the partner's needs: its terms, the associations and funders that fit it and why, its closing. */
export function NeedPage() {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const needId = useParams()['needId'] ?? '';
  const arrived = (useLocation().state as { done?: string } | null)?.done ?? null;
  const [done, setDone] = useState<string | null>(arrived);
  const need = useQuery(needQuery(needId));
  const status = need.data ? textField(need.data.record, 'status') : undefined;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/office/partner" size="sm">
        {t('need.back')}
      </Anchor>
      {need.isPending && <Loader aria-label={tOffice('form.loading')} />}
      {need.isError && (
        <>
          <Title order={1}>{needId}</Title>
          <Alert color="red" title={t('need.notFound')} />
        </>
      )}
      {need.data && (
        <>
          <DoneNotice message={done} />
          <NeedDetails record={need.data.record} />
          {(status === 'open' || status === 'matched') && (
            <NeedMatches
              needId={needId}
              record={need.data.record}
              revision={need.data.revision}
              onDone={setDone}
              onReload={() => void need.refetch()}
            />
          )}
          <NeedClosing needId={needId} status={status ?? ''} onDone={setDone} />
        </>
      )}
    </Stack>
  );
}

function NeedDetails({ record }: { record: ApiRecord }) {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const status = textField(record, 'status') ?? '';
  const budget = moneyField(record, 'estimatedBudget');
  const matched = [...textListField(record, 'associationIds'), ...textListField(record, 'funderIds')];
  return (
    <>
      <Group gap="sm">
        <Title order={1}>{localizedField(record, 'title', language) ?? textField(record, 'needId')}</Title>
        <Badge>{t(`status.${status}`, { defaultValue: status })}</Badge>
      </Group>
      <Text>{localizedField(record, 'description', language)}</Text>
      <List spacing={4}>
        <List.Item>
          {t('need.location', { code: textField(recordField(record, 'location') ?? {}, 'code') ?? '—' })}
        </List.Item>
        <List.Item>{t('need.sector', { code: textField(record, 'sector') ?? '—' })}</List.Item>
        <List.Item>
          {t('need.priority', { priority: t(`priority.${textField(record, 'priority')}`) })}
        </List.Item>
        {budget && (
          <List.Item>
            {t('need.budget', { amount: format.money(budget.amountMinor, budget.currency) })}
          </List.Item>
        )}
        {matched.length > 0 && <List.Item>{t('need.matched', { ids: matched.join(', ') })}</List.Item>}
      </List>
    </>
  );
}
