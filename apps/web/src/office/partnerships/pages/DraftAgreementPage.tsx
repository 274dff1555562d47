import { Anchor, Button, Group, MultiSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { partnershipAgreementsControllerDraft } from '../../../api/generated';
import { useReferenceNames } from '../../../api/reference-data';
import { useCommand } from '../../../api/use-command';
import { useStrings } from '../../../i18n/strings';
import { useRegionNames } from '../../../pages/shared/use-region-names';
import { SECTOR_CODES } from '../../association/sector-codes';
import { CommandAlert } from '../../forms/CommandAlert';
import { LocalizedTextInputs, localizedPointers } from '../../forms/LocalizedTextInputs';
import { AgreementDraftForm, draftBody, emptyDraft, emptyParty } from '../agreement-draft-form';
import { PartyFields } from '../components/PartyFields';
import { AGREEMENTS_KEY } from '../queries';
import { STRINGS } from '../strings';

const newAgreementId = () => `agreement-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Field pointers this form shows under their inputs (the rest go to CommandAlert). */
const claimedFor = (form: AgreementDraftForm) => [
  ...localizedPointers('/object'),
  '/startDate',
  '/endDate',
  '/sectors',
  '/regions',
  '/parties',
  ...form.parties.flatMap((_p, i) => [
    `/parties/${i}/partyId`,
    `/parties/${i}/partyKind`,
    `/parties/${i}/roles`,
    `/parties/${i}/commitments/0/amount/amountMinor`,
    `/parties/${i}/commitments/0/amount/currency`,
  ]),
];

/** The officer drafts an agreement: object, parties with roles and commitments, period, sectors, regions. */
export function DraftAgreementPage() {
  const { t } = useStrings(STRINGS);
  const navigate = useNavigate();
  const { sectorName } = useReferenceNames();
  const { regions } = useRegionNames();
  const [agreementId] = useState(newAgreementId);
  const [form, setForm] = useState<AgreementDraftForm>(emptyDraft);
  const draft = useCommand({
    run: async (value: AgreementDraftForm, headers) =>
      (
        await partnershipAgreementsControllerDraft({
          body: draftBody(agreementId, value),
          headers,
          throwOnError: true,
        })
      ).data,
    invalidates: [[...AGREEMENTS_KEY]],
    onSuccess: () =>
      navigate(`/office/partnerships/agreements/${encodeURIComponent(agreementId)}`, {
        state: { done: t('draft.done') },
      }),
  });
  const set = <K extends keyof AgreementDraftForm>(key: K, value: AgreementDraftForm[K]) =>
    setForm({ ...form, [key]: value });
  return (
    <Stack
      gap="md"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        void draft.submit(form);
      }}
    >
      <div>
        <Anchor component={Link} to="/office/partnerships" size="sm">
          {t('agreement.back')}
        </Anchor>
        <Title order={1}>{t('draft.title')}</Title>
      </div>
      <Text>{t('draft.intro')}</Text>
      <CommandAlert command={draft} claimed={claimedFor(form)} />
      <LocalizedTextInputs
        legend={t('draft.object')}
        value={form.object}
        onChange={(object) => set('object', object)}
        error={draft.fieldError}
        pointer="/object"
        multiline
      />
      <Group grow align="start">
        <TextInput
          type="date"
          label={t('draft.startDate')}
          required
          value={form.startDate}
          onChange={(event) => set('startDate', event.currentTarget.value)}
          error={draft.fieldError('/startDate')}
        />
        <TextInput
          type="date"
          label={t('draft.endDate')}
          required
          value={form.endDate}
          onChange={(event) => set('endDate', event.currentTarget.value)}
          error={draft.fieldError('/endDate')}
        />
      </Group>
      <Title order={2} size="h3">
        {t('draft.parties')}
      </Title>
      {draft.fieldError('/parties') && (
        <Text c="red.8" size="sm" role="alert">
          {draft.fieldError('/parties')}
        </Text>
      )}
      {form.parties.map((party, index) => (
        <PartyFields
          key={index}
          index={index}
          value={party}
          onChange={(value) =>
            set(
              'parties',
              form.parties.map((p, i) => (i === index ? value : p)),
            )
          }
          onRemove={
            form.parties.length > 2
              ? () =>
                  set(
                    'parties',
                    form.parties.filter((_p, i) => i !== index),
                  )
              : undefined
          }
          error={draft.fieldError}
        />
      ))}
      <Group>
        <Button variant="default" onClick={() => set('parties', [...form.parties, emptyParty()])}>
          {t('draft.addParty')}
        </Button>
      </Group>
      <MultiSelect
        label={t('draft.sectors')}
        searchable
        data={SECTOR_CODES.map((code) => ({ value: code, label: `${sectorName(code)} (${code})` }))}
        value={form.sectors}
        onChange={(sectors) => set('sectors', sectors)}
        error={draft.fieldError('/sectors')}
      />
      <MultiSelect
        label={t('draft.regions')}
        data={regions.map((r) => ({ value: r.code, label: r.name }))}
        value={form.regions}
        onChange={(codes) => set('regions', codes)}
        error={draft.fieldError('/regions')}
      />
      <Group>
        <Button type="submit" loading={draft.pending}>
          {t('draft.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
