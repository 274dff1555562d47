import { NativeSelect, Stack } from '@mantine/core';
import { useStrings } from '../../../i18n/strings';
import { useRegionNames } from '../../../pages/shared/use-region-names';
import { LocalizedTextInputs } from '../../forms/LocalizedTextInputs';
import { MoneyInput } from '../../forms/MoneyInput';
import type { ProposalForm } from '../proposal-form';
import { STRINGS } from '../strings';
import { DocumentsInput } from './DocumentsInput';
import { SectorChoice } from './SectorChoice';

/** The fields of a proposal; each shows the platform's error at its pointer under `prefix`. */
export function ProposalFields(props: {
  value: ProposalForm;
  onChange(value: ProposalForm): void;
  error(pointer: string): string | undefined;
  prefix: string;
}) {
  const { t } = useStrings(STRINGS);
  const { regions } = useRegionNames();
  const { value, prefix, error } = props;
  const set = <K extends keyof ProposalForm>(key: K, next: ProposalForm[K]) =>
    props.onChange({ ...value, [key]: next });
  return (
    <Stack gap="md">
      <LocalizedTextInputs
        legend={t('form.title')}
        value={value.title}
        onChange={(next) => set('title', next)}
        error={error}
        pointer={`${prefix}/title`}
      />
      <LocalizedTextInputs
        legend={t('form.summary')}
        value={value.summary}
        onChange={(next) => set('summary', next)}
        error={error}
        pointer={`${prefix}/summary`}
        multiline
      />
      <SectorChoice
        label={t('form.sectors')}
        value={value.sectors}
        onChange={(next) => set('sectors', next)}
        error={error(`${prefix}/sectors`)}
      />
      <NativeSelect
        label={t('form.region')}
        data={[
          { value: '', label: t('form.regionNone') },
          ...regions.map((r) => ({ value: r.code, label: r.name })),
        ]}
        value={value.region}
        onChange={(event) => set('region', event.currentTarget.value)}
        error={error(`${prefix}/region/code`) ?? error(`${prefix}/region`)}
      />
      <MoneyInput
        label={t('form.amountRequested')}
        required
        value={value.amountRequested}
        onChange={(next) => set('amountRequested', next)}
        error={error}
        pointer={`${prefix}/amountRequested`}
      />
      <MoneyInput
        label={t('form.coFinancing')}
        value={value.coFinancing}
        onChange={(next) => set('coFinancing', next)}
        error={error}
        pointer={`${prefix}/coFinancing`}
      />
      <DocumentsInput
        value={value.documents}
        onChange={(next) => set('documents', next)}
        error={error}
        pointer={`${prefix}/documents`}
      />
    </Stack>
  );
}
