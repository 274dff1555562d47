import { Button, Fieldset, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { evaluationsControllerScore } from '../../api/generated';
import { ApiRecord, localizedField, numberField, textField } from '../../api/record-fields';
import { useCommand } from '../../api/use-command';
import { useFormatters } from '../../format/use-formatters';
import { usePreferences } from '../../i18n/PreferencesProvider';
import { useStrings } from '../../i18n/strings';
import { CommandAlert } from '../forms/CommandAlert';
import { assignmentsQuery, dossierQuery } from './queries';
import { criterionPointers, ScoreLine, scoresBody } from './score-sheet';
import { STRINGS } from './strings';

/**
 * Step 3: one score per criterion (points and a comment), sent once. The platform's field errors
 * show next to the criterion's own inputs (`/scores/<index>/points`).
 */
export function ScoreSheetForm(props: { applicationId: string; criteria: ApiRecord[]; onScored(): void }) {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const criterionIds = props.criteria.map((c) => textField(c, 'criterionId') ?? '');
  const [lines, setLines] = useState<Record<string, ScoreLine>>({});
  const score = useCommand({
    run: async (body: ReturnType<typeof scoresBody>, headers) =>
      (
        await evaluationsControllerScore({
          path: { applicationId: props.applicationId },
          body,
          headers,
          throwOnError: true,
        })
      ).data,
    invalidates: [assignmentsQuery.queryKey, dossierQuery(props.applicationId).queryKey],
    onSuccess: () => props.onScored(),
  });
  const line = (id: string): ScoreLine => lines[id] ?? { points: '', comment: '' };
  const change = (id: string, value: Partial<ScoreLine>) =>
    setLines((current) => ({ ...current, [id]: { ...line(id), ...current[id], ...value } }));
  return (
    <section aria-labelledby="sheet-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="sheet-title">
          {t('sheet.title')}
        </Title>
        <Text>{t('sheet.intro')}</Text>
        <CommandAlert
          command={score}
          claimed={['/scores', ...criterionIds.flatMap((_id, index) => criterionPointers(index))]}
        />
        {score.fieldError('/scores') && (
          <Text c="red.9" size="sm" role="alert">
            {score.fieldError('/scores')}
          </Text>
        )}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void score.submit(scoresBody(criterionIds, lines));
          }}
        >
          <Stack gap="md">
            {props.criteria.map((criterion, index) => {
              const id = criterionIds[index];
              const name = localizedField(criterion, 'name', language) ?? id;
              return (
                <Fieldset
                  key={id}
                  legend={t('sheet.legend', {
                    name,
                    weight: format.percent(numberField(criterion, 'weight') ?? 0),
                    threshold: format.count(numberField(criterion, 'threshold') ?? 0),
                  })}
                >
                  <Stack gap="xs">
                    {(score.fieldError(`/scores/${index}`) ??
                      score.fieldError(`/scores/${index}/criterionId`)) && (
                      <Text c="red.9" size="sm" role="alert">
                        {score.fieldError(`/scores/${index}`) ??
                          score.fieldError(`/scores/${index}/criterionId`)}
                      </Text>
                    )}
                    <TextInput
                      label={`${t('sheet.points')} — ${name}`}
                      inputMode="numeric"
                      required
                      maw={360}
                      value={line(id).points}
                      onChange={(event) => change(id, { points: event.currentTarget.value })}
                      error={score.fieldError(`/scores/${index}/points`)}
                    />
                    <Textarea
                      label={`${t('sheet.comment')} — ${name}`}
                      required
                      autosize
                      minRows={2}
                      maxLength={5000}
                      value={line(id).comment}
                      onChange={(event) => change(id, { comment: event.currentTarget.value })}
                      error={score.fieldError(`/scores/${index}/comment`)}
                    />
                  </Stack>
                </Fieldset>
              );
            })}
            <div>
              <Button type="submit" loading={score.pending}>
                {t('sheet.submit')}
              </Button>
            </div>
          </Stack>
        </form>
      </Stack>
    </section>
  );
}
