import { Anchor, Badge, Group, List, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import {
  ApiRecord,
  localizedField,
  moneyField,
  recordField,
  recordListField,
  textField,
  textListField,
} from '../../api/record-fields';
import { useFormatters } from '../../format/use-formatters';
import { usePreferences } from '../../i18n/PreferencesProvider';
import { useStrings } from '../../i18n/strings';
import { useRegionNames } from '../shared/use-region-names';
import { useOrganisationName, useOrganisationNames } from './OrganisationName';
import { programmePageQuery } from './queries';
import { STRINGS } from './strings';

/** A programme as anyone reads it: its framework, its envelopes and its published projects. */
export function ProgrammePage() {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const programmeId = useParams()['programmeId'] ?? '';
  const programme = useQuery(programmePageQuery(programmeId));

  if (programme.isPending) return <Loader aria-label={t('programme.loading')} />;
  if (programme.isError)
    return (
      <Stack gap="sm">
        <Title order={1}>{t('programme.notFound')}</Title>
        <Anchor component={Link} to="/projects">
          {t('programme.back')}
        </Anchor>
      </Stack>
    );
  const record = programme.data as ApiRecord;
  const status = textField(record, 'status');
  const partnerId = textField(record, 'partnerId');
  const period = recordField(record, 'period');
  const start = period && textField(period, 'start');
  const end = period && textField(period, 'end');
  const budget = recordListField(record, 'budget').flatMap((line) => {
    const amount = moneyField({ line }, 'line');
    return amount ? [format.money(amount.amountMinor, amount.currency)] : [];
  });
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to="/projects" size="sm">
          {t('programme.back')}
        </Anchor>
        <Group gap="sm">
          <Title order={1}>{localizedField(record, 'name', language) ?? programmeId}</Title>
          {status && <Badge>{t(`programme.status.${status}`, { defaultValue: status })}</Badge>}
        </Group>
      </div>
      <Text dir="auto">{localizedField(record, 'description', language)}</Text>
      <List spacing="xs">
        {partnerId && <Partner id={partnerId} />}
        <Funders ids={textListField(record, 'funderIds')} />
        {budget.length > 0 && <List.Item>{t('programme.budget', { amount: budget.join(' + ') })}</List.Item>}
        {start && end && (
          <List.Item>{t('programme.period', { start: format.date(start), end: format.date(end) })}</List.Item>
        )}
      </List>
      <Envelopes record={record} />
      <Projects record={record} />
    </Stack>
  );
}

function Partner({ id }: { id: string }) {
  const { t } = useStrings(STRINGS);
  return <List.Item>{t('programme.partner', { name: useOrganisationName(id) })}</List.Item>;
}

function Funders({ ids }: { ids: string[] }) {
  const { t } = useStrings(STRINGS);
  const names = useOrganisationNames(ids);
  if (ids.length === 0) return null;
  return <List.Item>{t('programme.funders', { names: names.join(', ') })}</List.Item>;
}

function Envelopes({ record }: { record: ApiRecord }) {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const envelopes = recordListField(record, 'envelopes');
  return (
    <section aria-labelledby="programme-envelopes">
      <Title order={2} size="h3" id="programme-envelopes" mb="sm">
        {t('programme.envelopes')}
      </Title>
      {envelopes.length === 0 ? (
        <Text>{t('programme.none')}</Text>
      ) : (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('programme.envelope')}</Table.Th>
              <Table.Th>{t('programme.amount')}</Table.Th>
              <Table.Th>{t('programme.period2')}</Table.Th>
              <Table.Th>{t('programme.envelopeStatus')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {envelopes.map((envelope, i) => {
              const amount = moneyField(envelope, 'amount');
              const period = recordField(envelope, 'period');
              const start = period && textField(period, 'start');
              const end = period && textField(period, 'end');
              return (
                <Table.Tr key={textField(envelope, 'envelopeId') ?? String(i)}>
                  <Table.Td>
                    {localizedField(envelope, 'name', language) ?? textField(envelope, 'envelopeId')}
                  </Table.Td>
                  <Table.Td>{amount ? format.money(amount.amountMinor, amount.currency) : '—'}</Table.Td>
                  <Table.Td>{start && end ? `${format.date(start)} – ${format.date(end)}` : '—'}</Table.Td>
                  <Table.Td>
                    {textField(envelope, 'status') === 'closed'
                      ? t('programme.envelopeClosed')
                      : t('programme.envelopeOpen')}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}

function Projects({ record }: { record: ApiRecord }) {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const { nameOf } = useRegionNames();
  const projects = recordListField(record, 'projects');
  return (
    <section aria-labelledby="programme-projects">
      <Title order={2} size="h3" id="programme-projects" mb="sm">
        {t('programme.projects')}
      </Title>
      {projects.length === 0 ? (
        <Text>{t('programme.none')}</Text>
      ) : (
        <List>
          {projects.map((project) => {
            const projectId = textField(project, 'projectId') ?? '';
            const status = textField(project, 'status');
            const regions = textListField(project, 'regionCodes').map(nameOf).join(', ');
            return (
              <List.Item key={projectId}>
                <Anchor component={Link} to={`/projects/${encodeURIComponent(projectId)}`}>
                  {localizedField(project, 'title', language) ?? projectId}
                </Anchor>
                {[regions, status && t(`status.${status}`, { defaultValue: status })]
                  .filter(Boolean)
                  .map((part) => ` · ${part}`)
                  .join('')}
              </List.Item>
            );
          })}
        </List>
      )}
    </section>
  );
}
