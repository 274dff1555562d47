import { Button, Fieldset, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { agreementsControllerSign, type SignAgreementDto } from '../../../api/generated';
import { useCommand } from '../../../api/use-command';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { moneyBody, MoneyInput, MoneyInputValue } from '../../forms/MoneyInput';
import { majorUnits } from '../call-terms-form';
import { STRINGS } from '../strings';

interface TrancheRow {
  trancheId: string;
  amount: MoneyInputValue;
  dueOn: string;
}

const POINTERS = ['/agreementId', '/signedOn', '/signatories', '/tranches'];

/**
 * Recording the grant agreement an award led to: the day it was signed, who signed (the applicant
 * association, the envelope's funder, the ministry, by Registry id) and the tranches, which the
 * platform wants adding up to the award.
 */
export function AgreementForm(props: {
  applicationId: string;
  award: { amountMinor: string | number; currency: string };
  signatories: string[];
  revision?: number;
  invalidates: unknown[][];
  onDone(message: string): void;
}) {
  const { t } = useStrings(STRINGS);
  const currency = props.award.currency;
  const [signedOn, setSignedOn] = useState('');
  const [signatories, setSignatories] = useState(props.signatories.join('\n'));
  const [tranches, setTranches] = useState<TrancheRow[]>([
    { trancheId: 't1', amount: { text: majorUnits(props.award.amountMinor, currency), currency }, dueOn: '' },
  ]);
  const sign = useCommand({
    run: async (body: SignAgreementDto, headers) =>
      (
        await agreementsControllerSign({
          path: { applicationId: props.applicationId },
          body,
          headers,
          throwOnError: true,
        })
      ).data,
    ifMatch: props.revision,
    invalidates: props.invalidates,
    onSuccess: () => props.onDone(t('agreement.signed')),
  });
  const setTranche = (index: number, row: TrancheRow) =>
    setTranches(tranches.map((current, i) => (i === index ? row : current)));
  const claimed = [
    ...POINTERS,
    ...tranches.flatMap((_, i) => [
      `/tranches/${i}`,
      `/tranches/${i}/trancheId`,
      `/tranches/${i}/amount`,
      `/tranches/${i}/amount/amountMinor`,
      `/tranches/${i}/amount/currency`,
      `/tranches/${i}/dueOn`,
    ]),
  ];
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void sign.submit({
          signedOn,
          signatories: signatories.split(/[\s,;]+/).filter(Boolean),
          tranches: tranches.map((row) => {
            const money = moneyBody(row.amount);
            return {
              trancheId: row.trancheId.trim(),
              amount: (money
                ? { amountMinor: Number(money.amountMinor), currency: money.currency }
                : undefined) as SignAgreementDto['tranches'][number]['amount'],
              dueOn: row.dueOn,
            };
          }),
        });
      }}
    >
      <Stack gap="sm" maw={720}>
        <Text size="sm">{t('agreement.intro')}</Text>
        <CommandAlert command={sign} claimed={claimed} />
        <TextInput
          type="date"
          label={t('agreement.signedOn')}
          required
          maw={240}
          value={signedOn}
          onChange={(event) => setSignedOn(event.currentTarget.value)}
          error={sign.fieldError('/signedOn')}
        />
        <Textarea
          label={t('agreement.signatories')}
          description={t('agreement.signatoriesHint')}
          required
          autosize
          minRows={3}
          value={signatories}
          onChange={(event) => setSignatories(event.currentTarget.value)}
          error={sign.fieldError('/signatories')}
        />
        <Fieldset legend={t('agreement.tranches')} variant="filled">
          <Stack gap="sm">
            {tranches.map((row, index) => (
              <Group key={index} align="flex-start" gap="xs" wrap="wrap">
                <TextInput
                  label={t('agreement.trancheId', { number: index + 1 })}
                  required
                  w={120}
                  value={row.trancheId}
                  onChange={(event) => setTranche(index, { ...row, trancheId: event.currentTarget.value })}
                  error={sign.fieldError(`/tranches/${index}/trancheId`)}
                />
                <MoneyInput
                  label={t('agreement.trancheAmount', { number: index + 1 })}
                  value={row.amount}
                  onChange={(amount) => setTranche(index, { ...row, amount })}
                  error={sign.fieldError}
                  pointer={`/tranches/${index}/amount`}
                  currencies={[currency]}
                  required
                />
                <TextInput
                  type="date"
                  label={t('agreement.dueOn', { number: index + 1 })}
                  required
                  value={row.dueOn}
                  onChange={(event) => setTranche(index, { ...row, dueOn: event.currentTarget.value })}
                  error={sign.fieldError(`/tranches/${index}/dueOn`)}
                />
                {tranches.length > 1 && (
                  <Button
                    variant="default"
                    mt={24}
                    onClick={() => setTranches(tranches.filter((_, i) => i !== index))}
                  >
                    {t('agreement.removeTranche', { number: index + 1 })}
                  </Button>
                )}
              </Group>
            ))}
            {sign.fieldError('/tranches') && (
              <Text size="sm" c="red.9" role="alert">
                {sign.fieldError('/tranches')}
              </Text>
            )}
            <Group>
              <Button
                variant="default"
                onClick={() =>
                  setTranches([
                    ...tranches,
                    { trancheId: `t${tranches.length + 1}`, amount: { text: '', currency }, dueOn: '' },
                  ])
                }
              >
                {t('agreement.addTranche')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Group>
          <Button type="submit" loading={sign.pending}>
            {t('agreement.sign')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
