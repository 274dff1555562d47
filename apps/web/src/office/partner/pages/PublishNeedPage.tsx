import { Anchor, Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { regionalNeedsControllerPublish } from '../../../api/generated';
import { recordListField, textField } from '../../../api/record-fields';
import { useCommand } from '../../../api/use-command';
import { useStrings } from '../../../i18n/strings';
import { useRegionNames } from '../../../pages/shared/use-region-names';
import { useSession } from '../../../session/SessionProvider';
import { CommandAlert } from '../../forms/CommandAlert';
import { LocalizedTextInputs, localizedPointers } from '../../forms/LocalizedTextInputs';
import { MoneyInput } from '../../forms/MoneyInput';
import { SECTOR_CODES } from '../../association/sector-codes';
import { useReferenceNames } from '../../../api/reference-data';
import { ReferenceSelect } from '../../forms/ReferenceSelects';
import { emptyNeed, NEED_POINTERS, needBody, NeedForm, PRIORITIES } from '../need-form';
import { myOrganisationQuery } from '../queries';
import { STRINGS } from '../strings';

const newNeedId = () => `need-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** A need the partner publishes in a region it covers (the platform checks which). */
export function PublishNeedPage() {
  const { t } = useStrings(STRINGS);
  const navigate = useNavigate();
  const { regions } = useRegionNames();
  const { sectorName } = useReferenceNames();
  const actorId = useSession().actor?.organisationId ?? '';
  const organisation = useQuery(myOrganisationQuery(actorId));
  const [needId] = useState(newNeedId);
  const [form, setForm] = useState<NeedForm>(emptyNeed());
  const ownRegion = organisation.data
    ? textField(recordListField(organisation.data.record, 'regions')[0] ?? {}, 'code')
    : undefined;
  useEffect(() => {
    if (ownRegion) setForm((current) => (current.region ? current : { ...current, region: ownRegion }));
  }, [ownRegion]);
  const publish = useCommand({
    run: async (value: NeedForm, headers) =>
      (await regionalNeedsControllerPublish({ body: needBody(needId, value), headers, throwOnError: true }))
        .data,
    invalidates: [['registry', 'needs']],
    onSuccess: () =>
      navigate(`/office/partner/needs/${encodeURIComponent(needId)}`, { state: { done: t('publish.done') } }),
  });
  const set = <K extends keyof NeedForm>(key: K, value: NeedForm[K]) => setForm({ ...form, [key]: value });
  return (
    <Stack
      gap="md"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        void publish.submit(form);
      }}
    >
      <div>
        <Anchor component={Link} to="/office/partner" size="sm">
          {t('need.back')}
        </Anchor>
        <Title order={1}>{t('publish.title')}</Title>
      </div>
      <Text>{t('publish.intro')}</Text>
      <CommandAlert
        command={publish}
        claimed={[...NEED_POINTERS, ...localizedPointers('/title'), ...localizedPointers('/description')]}
      />
      <NativeSelect
        label={t('publish.region')}
        required
        data={[
          { value: '', label: t('publish.regionNone') },
          ...regions.map((r) => ({ value: r.code, label: r.name })),
        ]}
        value={form.region}
        onChange={(event) => set('region', event.currentTarget.value)}
        error={
          form.province.trim()
            ? undefined
            : (publish.fieldError('/location/code') ?? publish.fieldError('/location'))
        }
      />
      <ReferenceSelect
        kind="provinces"
        label={t('publish.province')}
        description={t('publish.provinceHint')}
        value={form.province || null}
        onChange={(value) => set('province', value ?? '')}
        error={
          form.province.trim()
            ? (publish.fieldError('/location/code') ?? publish.fieldError('/location'))
            : undefined
        }
      />
      <NativeSelect
        label={t('publish.sector')}
        required
        data={[
          { value: '', label: t('publish.sectorNone') },
          ...SECTOR_CODES.map((code) => ({ value: code, label: `${sectorName(code)} (${code})` })),
        ]}
        value={form.sector}
        onChange={(event) => set('sector', event.currentTarget.value)}
        error={publish.fieldError('/sector')}
      />
      <NativeSelect
        label={t('publish.priority')}
        data={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
        value={form.priority}
        onChange={(event) =>
          set('priority', PRIORITIES.find((p) => p === event.currentTarget.value) ?? 'medium')
        }
        error={publish.fieldError('/priority')}
      />
      <LocalizedTextInputs
        legend={t('publish.needTitle')}
        value={form.title}
        onChange={(title) => set('title', title)}
        error={publish.fieldError}
        pointer="/title"
      />
      <LocalizedTextInputs
        legend={t('publish.description')}
        value={form.description}
        onChange={(description) => set('description', description)}
        error={publish.fieldError}
        pointer="/description"
        multiline
      />
      <MoneyInput
        label={t('publish.budget')}
        required
        value={form.estimatedBudget}
        onChange={(budget) => set('estimatedBudget', budget)}
        error={publish.fieldError}
        pointer="/estimatedBudget"
      />
      <Group>
        <Button type="submit" loading={publish.pending}>
          {t('publish.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
