import { Alert, Anchor, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { actorsControllerUpdate } from '../../../api/generated';
import {
  ApiRecord,
  recordField,
  recordListField,
  textField,
  textListField,
} from '../../../api/record-fields';
import { useCommand } from '../../../api/use-command';
import { useStrings } from '../../../i18n/strings';
import { useRegionNames } from '../../../pages/shared/use-region-names';
import { useSession } from '../../../session/SessionProvider';
import { CommandAlert } from '../../forms/CommandAlert';
import {
  LocalizedTextInputs,
  localizedBody,
  localizedPointers,
  LocalizedTextValue,
} from '../../forms/LocalizedTextInputs';
import { STRINGS as OFFICE_STRINGS } from '../../strings';
import { DoneNotice } from '../../forms/DoneNotice';
import { SectorChoice } from '../../association/components/SectorChoice';
import { isSectorCode } from '../../association/sector-codes';
import { myOrganisationQuery } from '../queries';
import { STRINGS } from '../strings';

interface OrganisationForm {
  names: LocalizedTextValue;
  /** Shown, not sent: the platform answers a partner changing them 403. */
  regions: string[];
  sectors: string[];
}

const formOf = (actor: ApiRecord): OrganisationForm => {
  const names = recordField(actor, 'names') ?? {};
  return {
    names: { fr: textField(names, 'fr'), ar: textField(names, 'ar'), en: textField(names, 'en') },
    regions: recordListField(actor, 'regions').flatMap((r) => textField(r, 'code') ?? []),
    sectors: textListField(actor, 'sectors'),
  };
};

/**
 * The partner's organisation in the registry: its names and sectors, edited with If-Match; the
 * regions it covers decide where it may publish, so only an officer changes them (shown here).
 */
export function OrganisationPage() {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const actorId = useSession().actor?.organisationId ?? '';
  const organisation = useQuery(myOrganisationQuery(actorId));
  const [done, setDone] = useState<string | null>(null);
  const kind = organisation.data ? textField(organisation.data.record, 'kind') : undefined;
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to="/office/partner" size="sm">
          {t('need.back')}
        </Anchor>
        <Title order={1}>{t('organisation.title')}</Title>
      </div>
      {kind && (
        <Text>
          {t('organisation.kind', { kind: t(`organisation.kinds.${kind}`, { defaultValue: kind }) })}
        </Text>
      )}
      <DoneNotice message={done} />
      {organisation.isPending && <Loader aria-label={tOffice('form.loading')} />}
      {organisation.isError && <Alert color="red" title={tOffice('form.loadError')} />}
      {organisation.data && (
        <OrganisationEditor
          key={organisation.data.revision}
          actorId={actorId}
          record={organisation.data.record}
          revision={organisation.data.revision}
          onReload={() => {
            setDone(null);
            void organisation.refetch();
          }}
          onDone={() => setDone(t('organisation.saved'))}
        />
      )}
    </Stack>
  );
}

function OrganisationEditor(props: {
  actorId: string;
  record: ApiRecord;
  revision: number | undefined;
  onReload(): void;
  onDone(): void;
}) {
  const { t } = useStrings(STRINGS);
  const { nameOf } = useRegionNames();
  const [form, setForm] = useState<OrganisationForm>(() => formOf(props.record));
  const save = useCommand({
    run: async (value: OrganisationForm, headers) =>
      (
        await actorsControllerUpdate({
          path: { actorId: props.actorId },
          body: {
            names: localizedBody(value.names),
            sectors: value.sectors.filter(isSectorCode),
          },
          headers,
          throwOnError: true,
        })
      ).data,
    idempotent: false,
    ifMatch: props.revision,
    invalidates: [['registry', 'actors']],
    onSuccess: props.onDone,
  });
  return (
    <Stack
      gap="md"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        void save.submit(form);
      }}
    >
      <CommandAlert
        command={save}
        claimed={[...localizedPointers('/names'), '/sectors']}
        onReload={props.onReload}
      />
      <LocalizedTextInputs
        legend={t('organisation.names')}
        value={form.names}
        onChange={(names) => setForm({ ...form, names })}
        error={save.fieldError}
        pointer="/names"
      />
      <div>
        <Text fw={500} size="sm">
          {t('organisation.regions')}
        </Text>
        <Text>{form.regions.map(nameOf).join(', ') || '—'}</Text>
        <Text size="sm" c="dimmed">
          {t('organisation.regionsFixed')}
        </Text>
      </div>
      <SectorChoice
        label={t('organisation.sectors')}
        value={form.sectors}
        onChange={(sectors) => setForm({ ...form, sectors })}
        error={save.fieldError('/sectors')}
      />
      <Group>
        <Button type="submit" loading={save.pending}>
          {t('organisation.save')}
        </Button>
      </Group>
    </Stack>
  );
}
