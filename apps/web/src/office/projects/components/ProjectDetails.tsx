import { Anchor, List, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useReferenceNames } from '../../../api/reference-data';
import {
  ApiRecord,
  localizedField,
  recordField,
  recordListField,
  textField,
} from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { STRINGS } from '../strings';
import { Section } from './Section';

function Fact(props: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="sm" fw={700}>
        {props.label}
      </Text>
      <Text component="div">{props.children}</Text>
    </Stack>
  );
}

const projectLink = (projectId: string) => (
  <Anchor component={Link} to={`/office/projects/${encodeURIComponent(projectId)}`}>
    {projectId}
  </Anchor>
);

/** What the project is: its description, who takes part, where, in which sectors. */
export function ProjectDetails(props: { record: ApiRecord }) {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const names = useReferenceNames();
  const { record } = props;
  const areaName = (code: string) => {
    const region = names.regionName(code);
    return region !== code ? region : names.provinceName(code);
  };
  const replicationOf = textField(record, 'replicationOf');
  const start = textField(record, 'plannedStart');
  const end = textField(record, 'plannedEnd');
  return (
    <Section title={t('details.title')}>
      <Text>{localizedField(record, 'description', language) ?? '—'}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Fact label={t('details.carrier')}>{textField(record, 'carrierId') ?? '—'}</Fact>
        <Fact label={t('details.period')}>
          {start && end ? t('list.dates', { start: format.date(start), end: format.date(end) }) : '—'}
        </Fact>
        <Fact label={t('details.agreement')}>{textField(record, 'agreementId') ?? '—'}</Fact>
        <Fact label={t('details.programme')}>{textField(record, 'programmeId') ?? '—'}</Fact>
        <Fact label={t('details.origin')}>{t(`origin.${textField(record, 'origin') ?? 'agreement'}`)}</Fact>
        {replicationOf && <Fact label={t('details.replicationOf')}>{projectLink(replicationOf)}</Fact>}
      </SimpleGrid>
      <Fact label={t('details.participants')}>
        <List size="sm">
          {recordListField(record, 'participants').map((p) => (
            <List.Item key={`${textField(p, 'partyId')}-${textField(p, 'role')}`}>
              {t('details.participant', {
                party: textField(p, 'partyId') ?? '—',
                role: t(`participantRole.${textField(p, 'role') ?? '4'}`),
              })}
            </List.Item>
          ))}
        </List>
      </Fact>
      <Fact label={t('details.locations')}>
        <List size="sm">
          {recordListField(record, 'locations').map((location, i) => {
            const code = textField(recordField(location, 'area') ?? {}, 'code') ?? '';
            const commune = textField(location, 'commune');
            return (
              <List.Item key={`${code}-${i}`}>
                {commune ? `${commune}, ${areaName(code)}` : areaName(code)}
              </List.Item>
            );
          })}
        </List>
      </Fact>
      <Table captionSide="top">
        <Table.Caption>{t('details.sectors')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('details.sector')}</Table.Th>
            <Table.Th>{t('details.share')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {recordListField(record, 'sectorPercentages').map((share: ApiRecord) => {
            const code = textField(share, 'code') ?? '';
            return (
              <Table.Tr key={code}>
                <Table.Td>{names.sectorName(code)}</Table.Td>
                <Table.Td>{format.percent(Number(textField(share, 'percentage') ?? 0))}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {recordListField(record, 'replicas').length > 0 && (
        <Fact label={t('details.replicas')}>
          <List size="sm">
            {recordListField(record, 'replicas').map((replica) => {
              const replicaId = textField(replica, 'replicaProjectId') ?? '';
              const region = textField(recordField(replica, 'region') ?? {}, 'code') ?? '';
              return (
                <List.Item key={replicaId}>
                  {projectLink(replicaId)} {t('details.replicaIn', { region: areaName(region) })}
                </List.Item>
              );
            })}
          </List>
        </Fact>
      )}
    </Section>
  );
}
