import { Alert, Button, Checkbox, Group, List, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { regionalNeedsControllerMatch } from '../../../api/generated';
import {
  ApiRecord,
  localizedField,
  numberField,
  recordListField,
  textField,
  textListField,
} from '../../../api/record-fields';
import { useCommand } from '../../../api/use-command';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { STRINGS as OFFICE_STRINGS } from '../../strings';
import { needMatchesQuery, partyNamesQuery } from '../queries';
import { STRINGS } from '../strings';

type Party = 'associations' | 'funders';

/**
 * The associations and funders the platform ranks for the need, with the reasons of each score;
 * the partner ticks those it puts in touch and records the match (If-Match: the need as read).
 */
export function NeedMatches(props: {
  needId: string;
  record: ApiRecord;
  revision: number | undefined;
  onDone(message: string): void;
  onReload(): void;
}) {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const matches = useQuery(needMatchesQuery(props.needId));
  const [chosen, setChosen] = useState<Record<Party, string[]>>(() => ({
    associations: textListField(props.record, 'associationIds'),
    funders: textListField(props.record, 'funderIds'),
  }));
  const match = useCommand({
    run: async (value: Record<Party, string[]>, headers) =>
      (
        await regionalNeedsControllerMatch({
          path: { needId: props.needId },
          body: { associationIds: value.associations, funderIds: value.funders },
          headers,
          throwOnError: true,
        })
      ).data,
    ifMatch: props.revision,
    invalidates: [['registry', 'needs']],
    onSuccess: () => props.onDone(t('matches.done')),
  });
  const toggle = (party: Party, id: string, on: boolean) =>
    setChosen({ ...chosen, [party]: on ? [...chosen[party], id] : chosen[party].filter((x) => x !== id) });
  return (
    <section aria-labelledby="need-matches">
      <Title order={2} size="h3" id="need-matches" mb="xs">
        {t('matches.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('matches.intro')}
      </Text>
      {matches.isPending && <Loader aria-label={tOffice('form.loading')} />}
      {matches.isError && <Alert color="red" title={tOffice('form.loadError')} />}
      {matches.data && (
        <Stack gap="md">
          {(['associations', 'funders'] as const).map((party) => (
            <Candidates
              key={party}
              party={party}
              rows={recordListField(matches.data, party)}
              chosen={chosen[party]}
              onToggle={(id, on) => toggle(party, id, on)}
            />
          ))}
          <CommandAlert command={match} onReload={props.onReload} />
          <Group>
            <Button loading={match.pending} onClick={() => void match.submit(chosen)}>
              {t('matches.record')}
            </Button>
          </Group>
        </Stack>
      )}
    </section>
  );
}

function Candidates(props: {
  party: Party;
  rows: ApiRecord[];
  chosen: string[];
  onToggle(id: string, on: boolean): void;
}) {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const names = useQuery(partyNamesQuery);
  const nameOf = (id: string) => {
    const party = names.data?.find((p) => (textField(p, 'associationId') ?? textField(p, 'actorId')) === id);
    return (party && localizedField(party, 'names', language)) ?? id;
  };
  return (
    <div>
      <Title order={3} size="h4" mb="xs">
        {t(`matches.${props.party}`)}
      </Title>
      {props.rows.length === 0 ? (
        <Text size="sm">{t('matches.none')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('matches.columns.name')}</Table.Th>
              <Table.Th>{t('matches.columns.score')}</Table.Th>
              <Table.Th>{t('matches.columns.reasons')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.rows.map((row) => {
              const id = textField(row, 'id') ?? '';
              const name = nameOf(id);
              return (
                <Table.Tr key={id}>
                  <Table.Td>
                    <Checkbox
                      label={name}
                      aria-label={t('matches.select', { name })}
                      checked={props.chosen.includes(id)}
                      onChange={(event) => props.onToggle(id, event.currentTarget.checked)}
                    />
                  </Table.Td>
                  <Table.Td>{format.count(numberField(row, 'score') ?? 0)}</Table.Td>
                  <Table.Td>
                    <List size="sm">
                      {recordListField(row, 'reasons').map((reason) => (
                        <List.Item key={textField(reason, 'code')}>
                          {localizedField(reason, 'text', language) ?? textField(reason, 'code')} (
                          {t('matches.points', { points: format.count(numberField(reason, 'points') ?? 0) })})
                        </List.Item>
                      ))}
                    </List>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </div>
  );
}
