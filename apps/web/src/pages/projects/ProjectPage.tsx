import { Anchor, Badge, Group, List, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import {
  ApiRecord,
  localizedField,
  moneyField,
  recordField,
  recordListField,
  textField,
} from '../../api/record-fields';
import { useReferenceNames } from '../../api/reference-data';
import { useFormatters } from '../../format/use-formatters';
import { usePreferences } from '../../i18n/PreferencesProvider';
import { useStrings } from '../../i18n/strings';
import { useRegionNames } from '../shared/use-region-names';
import { totalsOf } from './money-lines';
import { OrganisationName, useOrganisationName } from './OrganisationName';
import { IATI_ACTIVITIES_URL } from './iati';
import { programmePageQuery, publicProjectQuery } from './queries';
import { STRINGS } from './strings';

/** A published project as anyone reads it (GET /api/partnerships/public/projects/:id). */
export function ProjectPage() {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const projectId = useParams()['projectId'] ?? '';
  const project = useQuery(publicProjectQuery(projectId));

  if (project.isPending) return <Loader aria-label={t('project.loading')} />;
  if (project.isError)
    return (
      <Stack gap="sm">
        <Title order={1}>{t('project.notFound')}</Title>
        <Anchor component={Link} to="/projects">
          {t('project.back')}
        </Anchor>
      </Stack>
    );
  const record = project.data as ApiRecord;
  const status = textField(record, 'status');
  const carrierId = textField(record, 'carrierId');
  const start = textField(record, 'plannedStart');
  const end = textField(record, 'plannedEnd');
  const programmeId = textField(record, 'programmeId');
  const agreementId = textField(record, 'agreementId');
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to="/projects" size="sm">
          {t('project.back')}
        </Anchor>
        <Group gap="sm">
          <Title order={1}>{localizedField(record, 'title', language) ?? projectId}</Title>
          {status && <Badge>{t(`status.${status}`, { defaultValue: status })}</Badge>}
        </Group>
      </div>
      <Text dir="auto">{localizedField(record, 'description', language)}</Text>
      <List spacing="xs">
        {carrierId && <Carrier id={carrierId} />}
        {start && end && (
          <List.Item>{t('project.period', { start: format.date(start), end: format.date(end) })}</List.Item>
        )}
        {programmeId && <ProgrammeLink programmeId={programmeId} />}
        {agreementId && <List.Item>{t('project.agreement', { id: agreementId })}</List.Item>}
        <List.Item>
          <Anchor href={IATI_ACTIVITIES_URL}>{t('project.iati')}</Anchor>
        </List.Item>
      </List>
      <Participants record={record} />
      <Locations record={record} />
      <Sectors record={record} />
      <Budget record={record} />
      <Milestones record={record} />
      <StatusHistory record={record} />
      <Disbursements record={record} />
      <Replication record={record} />
    </Stack>
  );
}

function Carrier({ id }: { id: string }) {
  const { t } = useStrings(STRINGS);
  return <List.Item>{t('project.carrier', { name: useOrganisationName(id) })}</List.Item>;
}

function ProgrammeLink({ programmeId }: { programmeId: string }) {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const programme = useQuery(programmePageQuery(programmeId));
  const name =
    (programme.data && localizedField(programme.data as ApiRecord, 'name', language)) ?? programmeId;
  return (
    <List.Item>
      <Anchor component={Link} to={`/programmes/${encodeURIComponent(programmeId)}`}>
        {t('project.programme', { name })}
      </Anchor>
    </List.Item>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </section>
  );
}

function SimpleTable({ head, rows }: { head: string[]; rows: { key: string; cells: ReactNode[] }[] }) {
  const { t } = useStrings(STRINGS);
  if (rows.length === 0) return <Text>{t('project.none')}</Text>;
  return (
    <Table withTableBorder>
      <Table.Thead>
        <Table.Tr>
          {head.map((h) => (
            <Table.Th key={h}>{h}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key}>
            {row.cells.map((cell, i) => (
              <Table.Td key={i}>{cell}</Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Participants({ record }: { record: ApiRecord }) {
  const { t } = useStrings(STRINGS);
  const participants = recordListField(record, 'participants');
  return (
    <Section id="project-participants" title={t('project.participants')}>
      <SimpleTable
        head={[t('project.participant'), t('project.participantRole')]}
        rows={participants.map((p, i) => {
          const partyId = textField(p, 'partyId') ?? '';
          const role = textField(p, 'role') ?? '';
          return {
            key: `${partyId}-${role}-${i}`,
            cells: [<OrganisationName key="name" id={partyId} />, t(`role.${role}`, { defaultValue: role })],
          };
        })}
      />
    </Section>
  );
}

function Locations({ record }: { record: ApiRecord }) {
  const { t } = useStrings(STRINGS);
  const { provinceName } = useReferenceNames();
  const { nameOf } = useRegionNames();
  const locations = recordListField(record, 'locations');
  return (
    <Section id="project-locations" title={t('project.locations')}>
      <List>
        {locations.map((location, i) => {
          const area = recordField(location, 'area');
          const areaCode = (area && textField(area, 'code')) ?? '';
          const region = textField(location, 'region');
          const areaName = areaCode === region ? nameOf(areaCode) : provinceName(areaCode);
          const commune = textField(location, 'commune');
          const place = commune ? t('project.places', { commune, area: areaName }) : areaName;
          return (
            <List.Item key={`${areaCode}-${i}`}>
              {region && region !== areaCode ? `${place} — ${nameOf(region)}` : place}
            </List.Item>
          );
        })}
      </List>
    </Section>
  );
}

function Sectors({ record }: { record: ApiRecord }) {
  const { t } = useStrings(STRINGS);
  const { sectorName } = useReferenceNames();
  const format = useFormatters();
  return (
    <Section id="project-sectors" title={t('project.sectors')}>
      <SimpleTable
        head={[t('project.sectors'), t('project.sectorShare')]}
        rows={recordListField(record, 'sectorPercentages').map((s) => {
          const code = textField(s, 'code') ?? '';
          const percentage = Number(textField(s, 'percentage'));
          return {
            key: code,
            cells: [
              `${sectorName(code)} (${code})`,
              Number.isFinite(percentage) ? format.percent(percentage) : '—',
            ],
          };
        })}
      />
    </Section>
  );
}

function Budget({ record }: { record: ApiRecord }) {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const money = (line: ApiRecord, key = 'amount') => {
    const amount = moneyField(line, key);
    return amount ? format.money(amount.amountMinor, amount.currency) : '—';
  };
  const sum = (figure: 'budget' | 'cofinancing' | 'granted') =>
    totalsOf(record, figure)
      .filter((a) => a.amountMinor !== '0')
      .map((a) => format.money(a.amountMinor, a.currency))
      .join(' + ');
  const lines = recordListField(record, 'budgetLines');
  const granted = sum('granted');
  return (
    <Section id="project-budget" title={t('project.budget')}>
      <Stack gap="sm">
        <SimpleTable
          head={[t('project.budgetLine'), t('project.amount')]}
          rows={lines.map((line, i) => ({
            key: textField(line, 'lineId') ?? String(i),
            cells: [localizedField(line, 'label', language) ?? '—', money(line)],
          }))}
        />
        <Text fw={700}>{t('project.total', { amount: sum('budget') || '—' })}</Text>
        {granted && <Text>{t('project.granted', { amount: granted })}</Text>}
        <Title order={3} size="h4" id="project-cofinancing">
          {t('project.cofinancing')}
        </Title>
        <SimpleTable
          head={[t('project.partner'), t('project.amount')]}
          rows={recordListField(record, 'cofinancing').map((share, i) => ({
            key: `${textField(share, 'partyId')}-${i}`,
            cells: [<OrganisationName key="name" id={textField(share, 'partyId') ?? ''} />, money(share)],
          }))}
        />
      </Stack>
    </Section>
  );
}

function Milestones({ record }: { record: ApiRecord }) {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  return (
    <Section id="project-milestones" title={t('project.milestones')}>
      <SimpleTable
        head={[t('project.milestone'), t('project.due'), t('project.reached')]}
        rows={recordListField(record, 'milestones').map((m, i) => {
          const due = textField(m, 'due');
          const reached = textField(m, 'reachedOn');
          return {
            key: textField(m, 'milestoneId') ?? String(i),
            cells: [
              localizedField(m, 'title', language) ?? '—',
              due ? format.date(due) : '—',
              reached ? format.date(reached) : t('project.notReached'),
            ],
          };
        })}
      />
    </Section>
  );
}

function StatusHistory({ record }: { record: ApiRecord }) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const label = (status: string | undefined) =>
    status ? t(`status.${status}`, { defaultValue: status }) : '—';
  return (
    <Section id="project-status-history" title={t('project.statusHistory')}>
      <SimpleTable
        head={[t('project.on'), t('list.status')]}
        rows={recordListField(record, 'statusHistory').map((change, i) => {
          const at = textField(change, 'at');
          return {
            key: `${at}-${i}`,
            cells: [
              at ? format.date(at) : '—',
              t('project.statusChange', {
                from: label(textField(change, 'from')),
                to: label(textField(change, 'to')),
              }),
            ],
          };
        })}
      />
    </Section>
  );
}

function Disbursements({ record }: { record: ApiRecord }) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  return (
    <Section id="project-disbursements" title={t('project.disbursements')}>
      <SimpleTable
        head={[t('project.on'), t('project.amount')]}
        rows={recordListField(record, 'disbursements').map((d, i) => {
          const on = textField(d, 'on');
          const amount = moneyField(d, 'amount');
          return {
            key: textField(d, 'trancheId') ?? String(i),
            cells: [
              on ? format.date(on) : '—',
              amount ? format.money(amount.amountMinor, amount.currency) : '—',
            ],
          };
        })}
      />
    </Section>
  );
}

function Replication({ record }: { record: ApiRecord }) {
  const { t } = useStrings(STRINGS);
  const { nameOf } = useRegionNames();
  const original = textField(record, 'replicationOf');
  const replicas = recordListField(record, 'replicas');
  if (!original && replicas.length === 0) return null;
  return (
    <Section id="project-replication" title={t('project.replication')}>
      {original && (
        <Text>
          {t('project.replicationOf')}{' '}
          <Anchor component={Link} to={`/projects/${encodeURIComponent(original)}`}>
            {original}
          </Anchor>
        </Text>
      )}
      {replicas.length > 0 && (
        <>
          <Text>{t('project.replicas')}</Text>
          <List>
            {replicas.map((replica, i) => {
              const region = recordField(replica, 'region');
              const code = (region && textField(region, 'code')) ?? '';
              return (
                <List.Item key={textField(replica, 'replicaProjectId') ?? String(i)}>
                  {t('project.replicaIn', { region: nameOf(code) })}
                </List.Item>
              );
            })}
          </List>
        </>
      )}
    </Section>
  );
}
