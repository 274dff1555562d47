import { Anchor, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import {
  localizedField,
  moneyField,
  recordField,
  textField,
  textListField,
} from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { useRegionNames } from '../../../pages/shared/use-region-names';
import { needQuery } from '../queries';
import { RegistryNav } from '../shared/RegistryNav';
import { StatusBadge } from '../shared/StatusBadge';
import { STRINGS } from '../strings';
import { MatchesSection } from './MatchesSection';
import { NeedOutcome } from './NeedOutcome';

/** A regional need: what it asks, who fits it and why, the match recorded, then addressed or withdrawn. */
export function NeedPage() {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const { nameOf } = useRegionNames();
  const needId = useParams()['needId'] ?? '';
  const need = useQuery(needQuery(needId));
  if (need.isPending) return <Loader aria-label={t('common.loading')} />;
  if (need.isError)
    return (
      <Stack gap="sm">
        <RegistryNav />
        <Title order={1}>{t('needs.notFound')}</Title>
      </Stack>
    );
  const { record, revision } = need.data;
  const status = textField(record, 'status');
  const budget = moneyField(record, 'estimatedBudget');
  const location = recordField(record, 'location');
  const priority = textField(record, 'priority');
  const reload = () => void need.refetch();
  return (
    <Stack gap="lg">
      <RegistryNav />
      <div>
        <Anchor component={Link} to="/office/registry/needs" size="sm">
          {t('needs.back')}
        </Anchor>
        <Group gap="sm">
          <Title order={1}>{localizedField(record, 'title', language) ?? needId}</Title>
          <StatusBadge status={status} />
        </Group>
      </div>
      <Text>{localizedField(record, 'description', language)}</Text>
      <List spacing={4} size="sm">
        <List.Item>
          {t('common.fact', {
            label: t('needs.region'),
            value: `${nameOf(textField(record, 'region') ?? '')} (${location ? (textField(location, 'code') ?? '') : ''})`,
          })}
        </List.Item>
        <List.Item>
          {t('common.fact', { label: t('needs.sector'), value: textField(record, 'sector') ?? '—' })}
        </List.Item>
        <List.Item>
          {t('common.fact', {
            label: t('needs.priority'),
            value: priority ? t(`needs.priorities.${priority}`) : '—',
          })}
        </List.Item>
        <List.Item>
          {t('common.fact', {
            label: t('needs.budget'),
            value: budget ? format.money(budget.amountMinor, budget.currency) : '—',
          })}
        </List.Item>
        <List.Item>
          {t('common.fact', { label: t('needs.publisher'), value: textField(record, 'publisherId') ?? '—' })}
        </List.Item>
      </List>
      <MatchesSection
        needId={needId}
        revision={revision}
        matchedAssociations={textListField(record, 'associationIds')}
        matchedFunders={textListField(record, 'funderIds')}
        onReload={reload}
      />
      <NeedOutcome needId={needId} status={status} revision={revision} onReload={reload} />
    </Stack>
  );
}
