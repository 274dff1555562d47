import { Alert, Button, Fieldset, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { decisionsControllerAward } from '../../api/generated';
import { moneyField, recordField } from '../../api/record-fields';
import { useStrings } from '../../i18n/strings';
import { CommandAlert } from '../forms/CommandAlert';
import { MoneyInput } from '../forms/MoneyInput';
import { awardBody, AwardFormValues } from './decision-bodies';
import { STRINGS } from './strings';
import { useDecisionCommand } from './use-decision-command';

type Money = NonNullable<ReturnType<typeof moneyField>>;

export interface AwardOutcome {
  /** The envelope's remaining amount as the committee saw it when awarding. */
  before: Money | undefined;
  /** From the award's answer: what the envelope has left after the commitment. */
  after: Money | undefined;
}

const CLAIMED = [
  '/amount',
  '/amount/amountMinor',
  '/amount/currency',
  '/conditions',
  '/rationale',
  '/derogation',
  '/derogation/reason',
  '/derogation/committeeMembers',
];

/**
 * The award: amount (the request by default), conditions and rationale. Outside the funded set of
 * the ranking the platform wants a derogation (409 OUTSIDE_FUNDED_SET): its fields show then, or
 * at once when the ranking already places the application outside.
 */
export function AwardForm(props: {
  applicationId: string;
  callId: string;
  revision: number | undefined;
  currency: string;
  envelopeRemaining: Money | undefined;
  outsideFundedSet: boolean;
  callerId: string;
  onAwarded(outcome: AwardOutcome): void;
}) {
  const { t } = useStrings(STRINGS);
  const [values, setValues] = useState<AwardFormValues>({
    amount: { text: '', currency: props.currency },
    conditions: '',
    rationale: '',
    derogationReason: '',
    derogationMembers: props.callerId,
  });
  const before = props.envelopeRemaining;
  const award = useDecisionCommand(
    props,
    async (form: AwardFormValues, headers) =>
      (
        await decisionsControllerAward({
          path: { applicationId: props.applicationId },
          body: awardBody(form),
          headers,
          throwOnError: true,
        })
      ).data,
    (result) => {
      props.onAwarded({ before, after: moneyField(recordField(result, 'envelope') ?? {}, 'remainingAfter') });
    },
  );
  const set = (change: Partial<AwardFormValues>) => setValues((current) => ({ ...current, ...change }));
  const needsDerogation = props.outsideFundedSet || award.problem?.['code'] === 'OUTSIDE_FUNDED_SET';
  return (
    <section aria-labelledby="award-title">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void award.submit(values);
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="award-title">
            {t('award.title')}
          </Title>
          <CommandAlert command={award} claimed={CLAIMED} />
          <MoneyInput
            label={t('award.amount')}
            value={values.amount}
            onChange={(amount) => set({ amount })}
            error={award.fieldError}
            pointer="/amount"
            currencies={[props.currency]}
          />
          <Text size="xs" c="dimmed" mt={-6}>
            {t('award.amountHint')}
          </Text>
          <Textarea
            label={t('award.conditions')}
            autosize
            minRows={2}
            maxLength={5000}
            value={values.conditions}
            onChange={(event) => set({ conditions: event.currentTarget.value })}
            error={award.fieldError('/conditions') ?? award.fieldError('/conditions/0')}
          />
          <Textarea
            label={t('award.rationale')}
            required
            autosize
            minRows={2}
            maxLength={5000}
            value={values.rationale}
            onChange={(event) => set({ rationale: event.currentTarget.value })}
            error={award.fieldError('/rationale')}
          />
          {needsDerogation && (
            <Fieldset legend={t('award.derogationTitle')}>
              <Stack gap="xs">
                <Alert variant="filled" color="blue.8" role="status" title={t('award.derogationIntro')} />
                <Textarea
                  label={t('award.derogationReason')}
                  required
                  autosize
                  minRows={2}
                  maxLength={5000}
                  value={values.derogationReason}
                  onChange={(event) => set({ derogationReason: event.currentTarget.value })}
                  error={award.fieldError('/derogation/reason') ?? award.fieldError('/derogation')}
                />
                <TextInput
                  label={t('award.derogationMembers')}
                  dir="ltr"
                  value={values.derogationMembers}
                  onChange={(event) => set({ derogationMembers: event.currentTarget.value })}
                  error={award.fieldError('/derogation/committeeMembers')}
                />
              </Stack>
            </Fieldset>
          )}
          <div>
            <Button type="submit" loading={award.pending}>
              {t('award.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </section>
  );
}
