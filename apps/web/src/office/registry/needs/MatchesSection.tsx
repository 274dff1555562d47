import { Alert, Button, Checkbox, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { regionalNeedsControllerMatch } from '../../../api/generated';
import { localizedField, textField } from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { actorsQuery, associationsQuery, matchesQuery } from '../queries';
import { DoneNotice } from '../../forms/DoneNotice';
import { useRegistryCommand } from '../shared/use-registry-command';
import { STRINGS } from '../strings';
import { RankedCandidate, rankedCandidates } from './match-reasons';

type MatchBody = Parameters<typeof regionalNeedsControllerMatch>[0]['body'];

/**
 * The associations and funders ranked for the need, each with its score and the reasons for it;
 * the officer ticks those matched and records the match (If-Match: the need's revision read).
 */
export function MatchesSection(props: {
  needId: string;
  revision: number | undefined;
  matchedAssociations: string[];
  matchedFunders: string[];
  onReload(): void;
}) {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const matches = useQuery(matchesQuery(props.needId));
  // Names of the candidates: verified associations and funders, as the directories give them.
  const associations = useQuery(associationsQuery({ status: 'verified', pageSize: 100 }));
  const funders = useQuery(actorsQuery({ kind: 'funder', pageSize: 100 }));
  const names = new Map<string, string>();
  for (const item of associations.data?.items ?? [])
    names.set(textField(item, 'associationId') ?? '', localizedField(item, 'names', language) ?? '');
  for (const item of funders.data?.items ?? [])
    names.set(textField(item, 'actorId') ?? '', localizedField(item, 'names', language) ?? '');
  const [chosenAssociations, setChosenAssociations] = useState<string[]>(props.matchedAssociations);
  const [chosenFunders, setChosenFunders] = useState<string[]>(props.matchedFunders);
  const match = useRegistryCommand({
    ifMatch: props.revision,
    run: (body: MatchBody, headers) =>
      regionalNeedsControllerMatch({ path: { needId: props.needId }, body, headers, throwOnError: true }),
  });
  return (
    <section aria-labelledby="need-matches">
      <Stack gap="sm">
        <Title order={2} size="h3" id="need-matches">
          {t('matches.title')}
        </Title>
        <Text size="sm">{t('matches.intro')}</Text>
        {matches.isError && <Alert color="red" title={t('common.loadError')} />}
        <DoneNotice message={match.done && t('matches.recorded')} />
        <CommandAlert command={match} claimed={[]} onReload={props.onReload} />
        <Candidates
          caption={t('matches.associations')}
          candidates={rankedCandidates(matches.data, 'associations', language)}
          names={names}
          chosen={chosenAssociations}
          onChosen={setChosenAssociations}
        />
        <Candidates
          caption={t('matches.funders')}
          candidates={rankedCandidates(matches.data, 'funders', language)}
          names={names}
          chosen={chosenFunders}
          onChosen={setChosenFunders}
        />
        <Group>
          <Button
            loading={match.pending}
            onClick={() =>
              void match.submit({ associationIds: chosenAssociations, funderIds: chosenFunders })
            }
          >
            {t('matches.record')}
          </Button>
        </Group>
      </Stack>
    </section>
  );
}

function Candidates(props: {
  caption: string;
  candidates: RankedCandidate[];
  names: Map<string, string>;
  chosen: string[];
  onChosen(ids: string[]): void;
}) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const toggle = (id: string, on: boolean) =>
    props.onChosen(on ? [...props.chosen, id] : props.chosen.filter((chosen) => chosen !== id));
  return (
    <Table withTableBorder captionSide="top">
      <Table.Caption>{props.caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('matches.candidate')}</Table.Th>
          <Table.Th>{t('matches.score')}</Table.Th>
          <Table.Th>{t('matches.reasons')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.candidates.length === 0 && (
          <Table.Tr>
            <Table.Td colSpan={3}>{t('matches.none')}</Table.Td>
          </Table.Tr>
        )}
        {props.candidates.map((candidate) => (
          <Table.Tr key={candidate.id}>
            <Table.Td>
              <Checkbox
                label={props.names.get(candidate.id) || candidate.id}
                checked={props.chosen.includes(candidate.id)}
                onChange={(event) => toggle(candidate.id, event.currentTarget.checked)}
              />
            </Table.Td>
            <Table.Td>{candidate.score === undefined ? '—' : format.count(candidate.score)}</Table.Td>
            <Table.Td>
              <List size="sm" spacing={2}>
                {candidate.reasons.map((reason) => (
                  <List.Item key={reason.code}>
                    {reason.points === undefined
                      ? reason.text
                      : t('matches.reason', { text: reason.text, points: format.count(reason.points) })}
                  </List.Item>
                ))}
              </List>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
