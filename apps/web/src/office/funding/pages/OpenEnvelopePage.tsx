import { Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { envelopesControllerOpen, type OpenEnvelopeDto } from '../../../api/generated';
import { useCommand } from '../../../api/use-command';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import {
  localizedBody,
  localizedPointers,
  LocalizedTextInputs,
  LocalizedTextValue,
} from '../../forms/LocalizedTextInputs';
import { moneyBody, MoneyInput, MoneyInputValue } from '../../forms/MoneyInput';
import { FundingNav } from '../components/FundingNav';
import { FUNDING_KEY } from '../queries';
import { STRINGS } from '../strings';

const CLAIMED = [
  '/envelopeId',
  '/programmeId',
  ...localizedPointers('/name'),
  '/funderId',
  '/amount',
  '/amount/amountMinor',
  '/amount/currency',
  '/period',
  '/period/start',
  '/period/end',
];

/** Opening a budget envelope: a funder's money for a programme over a period. */
export function OpenEnvelopePage() {
  const { t } = useStrings(STRINGS);
  const navigate = useNavigate();
  const [envelopeId, setEnvelopeId] = useState('');
  // Chosen once, so that a retry of the same form opens the same envelope (never a second one).
  const [generatedId] = useState(() => `envelope-${Date.now().toString(36)}`);
  const [programmeId, setProgrammeId] = useState('');
  const [name, setName] = useState<LocalizedTextValue>({});
  const [funderId, setFunderId] = useState('');
  const [amount, setAmount] = useState<MoneyInputValue>({ text: '', currency: 'MAD' });
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const open = useCommand({
    run: async (body: OpenEnvelopeDto, headers) =>
      (await envelopesControllerOpen({ body, headers, throwOnError: true })).data,
    invalidates: [[...FUNDING_KEY, 'envelopes']],
    onSuccess: (_result, body) =>
      navigate(`/office/funding/envelopes/${encodeURIComponent(body.envelopeId ?? '')}`),
  });
  const submit = () => {
    const money = moneyBody(amount);
    const id = envelopeId.trim() || generatedId;
    void open.submit({
      envelopeId: id,
      programmeId: programmeId.trim(),
      name: localizedBody(name) as OpenEnvelopeDto['name'],
      funderId: funderId.trim(),
      amount: (money
        ? { amountMinor: Number(money.amountMinor), currency: money.currency }
        : undefined) as OpenEnvelopeDto['amount'],
      period: { start, end },
    });
  };
  return (
    <Stack gap="md" maw={720}>
      <FundingNav />
      <Title order={1}>{t('openEnvelope.title')}</Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="sm">
          <CommandAlert command={open} claimed={CLAIMED} />
          <TextInput
            label={t('openEnvelope.envelopeId')}
            description={t('openEnvelope.envelopeIdHint')}
            value={envelopeId}
            onChange={(event) => setEnvelopeId(event.currentTarget.value)}
            error={open.fieldError('/envelopeId')}
          />
          <TextInput
            label={t('openEnvelope.programmeId')}
            description={t('openEnvelope.programmeIdHint')}
            required
            value={programmeId}
            onChange={(event) => setProgrammeId(event.currentTarget.value)}
            error={open.fieldError('/programmeId')}
          />
          <LocalizedTextInputs
            legend={t('openEnvelope.name')}
            value={name}
            onChange={setName}
            error={open.fieldError}
            pointer="/name"
          />
          <TextInput
            label={t('openEnvelope.funderId')}
            description={t('openEnvelope.funderIdHint')}
            required
            value={funderId}
            onChange={(event) => setFunderId(event.currentTarget.value)}
            error={open.fieldError('/funderId')}
          />
          <MoneyInput
            label={t('openEnvelope.amount')}
            value={amount}
            onChange={setAmount}
            error={open.fieldError}
            pointer="/amount"
            required
          />
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('openEnvelope.start')}
              required
              value={start}
              onChange={(event) => setStart(event.currentTarget.value)}
              error={open.fieldError('/period/start') ?? open.fieldError('/period')}
            />
            <TextInput
              type="date"
              label={t('openEnvelope.end')}
              required
              value={end}
              onChange={(event) => setEnd(event.currentTarget.value)}
              error={open.fieldError('/period/end')}
            />
          </Group>
          <Group>
            <Button type="submit" loading={open.pending}>
              {t('openEnvelope.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
