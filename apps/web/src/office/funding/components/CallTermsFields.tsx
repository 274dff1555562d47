import { Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useFormatters } from '../../../format/use-formatters';
import { useStrings } from '../../../i18n/strings';
import { HOST_COUNTRIES } from '../../../pages/association-directory/directory-search';
import { useRegionNames } from '../../../pages/shared/use-region-names';
import { localizedPointers, LocalizedTextInputs } from '../../forms/LocalizedTextInputs';
import { MoneyInput } from '../../forms/MoneyInput';
import { ReferenceMultiSelect } from '../../forms/ReferenceSelects';
import { CallTermsForm, CriterionRow, emptyCriterion } from '../call-terms-form';
import { STRINGS } from '../strings';

/** The pointers the call form shows errors for, under `prefix` (`/terms` on a draft, `` on a revision). */
export function callTermsPointers(prefix: string, criteria: number): string[] {
  const at = (path: string) => `${prefix}${path}`;
  const perCriterion = Array.from({ length: criteria }, (_, i) => [
    at(`/awardCriteria/criteria/${i}`),
    at(`/awardCriteria/criteria/${i}/criterionId`),
    at(`/awardCriteria/criteria/${i}/weight`),
    at(`/awardCriteria/criteria/${i}/threshold`),
    ...localizedPointers(at(`/awardCriteria/criteria/${i}/name`)),
  ]).flat();
  return [
    at(''),
    at('/programmeId'),
    at('/envelopeId'),
    ...localizedPointers(at('/title')),
    ...localizedPointers(at('/summary')),
    at('/budget'),
    at('/budget/amountMinor'),
    at('/budget/currency'),
    at('/eligibility/hostCountries'),
    at('/eligibility/originRegions'),
    at('/eligibility/sectors'),
    at('/eligibility/minCoFinancingPercent'),
    at('/awardCriteria'),
    at('/awardCriteria/criteria'),
    at('/awardCriteria/overallThreshold'),
    at('/evaluatorsPerProposal'),
    at('/internationalSelection'),
    at('/deadline'),
    ...perCriterion,
  ];
}

/**
 * The terms of a call as a form: the envelope it draws on, its texts in three languages, its
 * budget, eligibility rules, weighted award criteria and deadline (typed in Casablanca's time).
 * `error(pointer)` gives the platform's field error at a pointer under `prefix`.
 */
export function CallTermsFields(props: {
  value: CallTermsForm;
  onChange(value: CallTermsForm): void;
  error(pointer: string): string | undefined;
  prefix: string;
}) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const { regions } = useRegionNames();
  const { value, onChange } = props;
  const at = (path: string) => `${props.prefix}${path}`;
  const error = (path: string) => props.error(at(path));
  const set = <K extends keyof CallTermsForm>(key: K, next: CallTermsForm[K]) =>
    onChange({ ...value, [key]: next });
  const setCriterion = (index: number, next: CriterionRow) =>
    set(
      'criteria',
      value.criteria.map((row, i) => (i === index ? next : row)),
    );
  const totalWeight = value.criteria.reduce((sum, row) => sum + (Number(row.weight) || 0), 0);
  return (
    <Stack gap="sm">
      <Group grow align="flex-start">
        <TextInput
          label={t('callForm.programmeId')}
          required
          value={value.programmeId}
          onChange={(event) => set('programmeId', event.currentTarget.value)}
          error={error('/programmeId')}
        />
        <TextInput
          label={t('callForm.envelopeId')}
          required
          value={value.envelopeId}
          onChange={(event) => set('envelopeId', event.currentTarget.value)}
          error={error('/envelopeId')}
        />
      </Group>
      <LocalizedTextInputs
        legend={t('callForm.callTitle')}
        value={value.title}
        onChange={(next) => set('title', next)}
        error={props.error}
        pointer={at('/title')}
      />
      <LocalizedTextInputs
        legend={t('callForm.summary')}
        value={value.summary}
        onChange={(next) => set('summary', next)}
        error={props.error}
        pointer={at('/summary')}
        multiline
      />
      <MoneyInput
        label={t('callForm.budget')}
        value={value.budget}
        onChange={(next) => set('budget', next)}
        error={props.error}
        pointer={at('/budget')}
        required
      />
      <Fieldset legend={t('callForm.eligibility')} variant="filled">
        <Stack gap="sm">
          <Checkbox.Group
            label={t('callForm.hostCountries')}
            description={t('callForm.anyWhenEmpty')}
            value={value.hostCountries}
            onChange={(next) => set('hostCountries', next)}
            error={error('/eligibility/hostCountries')}
          >
            <Group gap="md" mt={4}>
              {HOST_COUNTRIES.map((code) => (
                <Checkbox key={code} value={code} label={format.country(code)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Checkbox.Group
            label={t('callForm.originRegions')}
            description={t('callForm.anyWhenEmpty')}
            value={value.originRegions}
            onChange={(next) => set('originRegions', next)}
            error={error('/eligibility/originRegions')}
          >
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt={4} spacing={6}>
              {regions.map((region) => (
                <Checkbox key={region.code} value={region.code} label={region.name} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <ReferenceMultiSelect
            kind="sectors"
            label={t('callForm.sectors')}
            description={t('callForm.anyWhenEmpty')}
            value={value.sectors}
            onChange={(sectors) => onChange({ ...value, sectors })}
            error={error('/eligibility/sectors')}
          />
          <TextInput
            label={t('callForm.minCoFinancing')}
            inputMode="numeric"
            maw={240}
            value={value.minCoFinancingPercent}
            onChange={(event) => set('minCoFinancingPercent', event.currentTarget.value)}
            error={error('/eligibility/minCoFinancingPercent')}
          />
        </Stack>
      </Fieldset>
      <Fieldset legend={t('callForm.criteria')} variant="filled">
        <Stack gap="sm">
          {value.criteria.map((row, index) => (
            <Fieldset key={index} legend={t('callForm.criterion', { number: index + 1 })}>
              <Stack gap="xs">
                {error(`/awardCriteria/criteria/${index}`) && (
                  <Text size="sm" c="red.9" role="alert">
                    {error(`/awardCriteria/criteria/${index}`)}
                  </Text>
                )}
                <TextInput
                  label={t('callForm.criterionId')}
                  required
                  value={row.criterionId}
                  onChange={(event) =>
                    setCriterion(index, { ...row, criterionId: event.currentTarget.value })
                  }
                  error={error(`/awardCriteria/criteria/${index}/criterionId`)}
                />
                <LocalizedTextInputs
                  legend={t('callForm.criterionName')}
                  value={row.name}
                  onChange={(name) => setCriterion(index, { ...row, name })}
                  error={props.error}
                  pointer={at(`/awardCriteria/criteria/${index}/name`)}
                />
                <Group grow align="flex-start">
                  <TextInput
                    label={t('callForm.weight')}
                    inputMode="numeric"
                    required
                    value={row.weight}
                    onChange={(event) => setCriterion(index, { ...row, weight: event.currentTarget.value })}
                    error={error(`/awardCriteria/criteria/${index}/weight`)}
                  />
                  <TextInput
                    label={t('callForm.threshold')}
                    inputMode="numeric"
                    required
                    value={row.threshold}
                    onChange={(event) =>
                      setCriterion(index, { ...row, threshold: event.currentTarget.value })
                    }
                    error={error(`/awardCriteria/criteria/${index}/threshold`)}
                  />
                </Group>
                {value.criteria.length > 1 && (
                  <Group>
                    <Button
                      variant="default"
                      size="xs"
                      onClick={() =>
                        set(
                          'criteria',
                          value.criteria.filter((_, i) => i !== index),
                        )
                      }
                    >
                      {t('callForm.removeCriterion', { number: index + 1 })}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Fieldset>
          ))}
          <Text size="sm" id="criteria-total">
            {t('callForm.totalWeight', { total: totalWeight })}
          </Text>
          {(error('/awardCriteria/criteria') ?? error('/awardCriteria')) && (
            <Text size="sm" c="red.9" role="alert" data-pointer={at('/awardCriteria/criteria')}>
              {error('/awardCriteria/criteria') ?? error('/awardCriteria')}
            </Text>
          )}
          <Group>
            <Button
              variant="default"
              onClick={() => set('criteria', [...value.criteria, emptyCriterion(value.criteria.length + 1)])}
            >
              {t('callForm.addCriterion')}
            </Button>
          </Group>
          <TextInput
            label={t('callForm.overallThreshold')}
            inputMode="numeric"
            maw={240}
            required
            value={value.overallThreshold}
            onChange={(event) => set('overallThreshold', event.currentTarget.value)}
            error={error('/awardCriteria/overallThreshold')}
          />
        </Stack>
      </Fieldset>
      <Group grow align="flex-start">
        <TextInput
          label={t('callForm.evaluatorsPerProposal')}
          inputMode="numeric"
          required
          value={value.evaluatorsPerProposal}
          onChange={(event) => set('evaluatorsPerProposal', event.currentTarget.value)}
          error={error('/evaluatorsPerProposal')}
        />
        <TextInput
          type="datetime-local"
          label={t('callForm.deadline')}
          description={t('callForm.deadlineHint')}
          required
          value={value.deadline}
          onChange={(event) => set('deadline', event.currentTarget.value)}
          error={error('/deadline')}
        />
      </Group>
      <Checkbox
        label={t('callForm.internationalSelection')}
        checked={value.internationalSelection}
        onChange={(event) => set('internationalSelection', event.currentTarget.checked)}
        error={error('/internationalSelection')}
      />
    </Stack>
  );
}
