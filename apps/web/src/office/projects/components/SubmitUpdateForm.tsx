import { Button, Checkbox, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiRecord, localizedField, textField } from '../../../api/record-fields';
import { useCommand } from '../../../api/use-command';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { DoneNotice } from '../../forms/DoneNotice';
import { readProgress } from '../indicator-reading';
import { submitUpdate, UpdateSubmission } from '../project-commands';
import { projectDocumentsQuery, resultsQuery } from '../queries';
import { STRINGS } from '../strings';
import { updateValue } from '../update-form';

const CLAIMED = ['/indicatorId', '/periodStart', '/periodEnd', '/value', '/evidence', '/comment'];

/** The carrying association or an officer reports an indicator's value for a period, with evidence among the project's documents. */
export function SubmitUpdateForm(props: { projectId: string; indicators: ApiRecord[]; revision?: number }) {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const documents = useQuery(projectDocumentsQuery(props.projectId));
  const [indicatorId, setIndicatorId] = useState(textField(props.indicators[0] ?? {}, 'indicatorId') ?? '');
  const indicator = props.indicators.find((i) => textField(i, 'indicatorId') === indicatorId);
  const periods = indicator ? readProgress(indicator) : [];
  const [period, setPeriod] = useState('');
  const [value, setValue] = useState('');
  const [evidence, setEvidence] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [invalidValue, setInvalidValue] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const command = useCommand({
    run: (update: UpdateSubmission, headers) => submitUpdate(props.projectId, update, headers),
    ifMatch: props.revision,
    invalidates: [resultsQuery(props.projectId).queryKey, ['partnerships', 'indicator-updates']],
    onSuccess: () => {
      setValue('');
      setComment('');
      setEvidence([]);
      setDone(t('submit.done'));
    },
  });
  const chosenPeriod = periods.find((p) => `${p.periodStart}/${p.periodEnd}` === period) ?? periods[0];
  const measure = indicator ? textField(indicator, 'measure') : undefined;

  const send = () => {
    setDone(null);
    const parsed = updateValue(value, measure);
    setInvalidValue(parsed === null);
    if (parsed === null || !chosenPeriod) return;
    const byHash = new Map(
      (documents.data ?? []).map((d) => [textField(d, 'sha256') ?? '', textField(d, 'name') ?? '']),
    );
    void command.submit({
      indicatorId,
      periodStart: chosenPeriod.periodStart,
      periodEnd: chosenPeriod.periodEnd,
      value: parsed,
      evidence: evidence.map((sha256) => ({ sha256, name: byHash.get(sha256) ?? sha256 })),
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    });
  };

  return (
    <Stack gap="xs" maw={560}>
      <DoneNotice message={done} />
      <CommandAlert command={command} claimed={CLAIMED} />
      <NativeSelect
        label={t('submit.indicator')}
        value={indicatorId}
        onChange={(e) => {
          setIndicatorId(e.currentTarget.value);
          setPeriod('');
        }}
        data={props.indicators.map((i) => ({
          value: textField(i, 'indicatorId') ?? '',
          label: localizedField(i, 'title', language) ?? textField(i, 'indicatorId') ?? '',
        }))}
        error={command.fieldError('/indicatorId')}
      />
      <NativeSelect
        label={t('submit.period')}
        value={chosenPeriod ? `${chosenPeriod.periodStart}/${chosenPeriod.periodEnd}` : ''}
        onChange={(e) => setPeriod(e.currentTarget.value)}
        data={periods.map((p) => ({
          value: `${p.periodStart}/${p.periodEnd}`,
          label: t('list.dates', { start: format.date(p.periodStart), end: format.date(p.periodEnd) }),
        }))}
        error={command.fieldError('/periodStart') ?? command.fieldError('/periodEnd')}
      />
      <TextInput
        label={t('submit.value')}
        description={measure === 'qualitative' ? undefined : t('submit.valueHelp')}
        required
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        error={invalidValue ? t('submit.valueInvalid') : command.fieldError('/value')}
      />
      <Checkbox.Group
        label={t('submit.evidence')}
        description={t('submit.evidenceHelp')}
        required
        value={evidence}
        onChange={setEvidence}
        error={command.fieldError('/evidence') ?? command.fieldError('/evidence/0/sha256')}
      >
        <Stack gap={4} mt={4}>
          {(documents.data ?? []).map((d) => (
            <Checkbox
              key={textField(d, 'sha256')}
              value={textField(d, 'sha256') ?? ''}
              label={textField(d, 'name')}
            />
          ))}
          {documents.data?.length === 0 && <Text size="sm">{t('documents.none')}</Text>}
        </Stack>
      </Checkbox.Group>
      <Textarea
        label={t('submit.comment')}
        autosize
        minRows={2}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
        error={command.fieldError('/comment')}
      />
      <Group>
        <Button loading={command.pending} onClick={send}>
          {t('submit.send')}
        </Button>
      </Group>
    </Stack>
  );
}
