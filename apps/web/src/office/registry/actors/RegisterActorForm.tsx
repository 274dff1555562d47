import { Button, Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { actorsControllerRegister } from '../../../api/generated';
import { useStrings } from '../../../i18n/strings';
import { useRegionNames } from '../../../pages/shared/use-region-names';
import { CommandAlert } from '../../forms/CommandAlert';
import { localizedBody, LocalizedTextInputs, LocalizedTextValue } from '../../forms/LocalizedTextInputs';
import { claimedUnder, errorAt, errorUnder } from '../shared/field-errors';
import { DoneNotice } from '../../forms/DoneNotice';
import { ReferenceMultiSelect } from '../../forms/ReferenceSelects';
import { PROVINCE_SCHEME } from '../shared/profile-draft';
import { useRegistryCommand } from '../shared/use-registry-command';
import { STRINGS } from '../strings';

type ActorBody = Parameters<typeof actorsControllerRegister>[0]['body'];
export const ACTOR_KINDS = [
  'local-association',
  'elected-council',
  'development-agency',
  'regional-investment-centre',
  'funder',
  'ministry',
] as const;

/** Registers an actor: its kind, names, the regions it works in (none: the whole country), sectors. */
export function RegisterActorForm() {
  const { t } = useStrings(STRINGS);
  const { regions } = useRegionNames();
  const [actorId, setActorId] = useState('');
  const [kind, setKind] = useState<ActorBody['kind']>('funder');
  const [names, setNames] = useState<LocalizedTextValue>({});
  const [chosen, setChosen] = useState<string[]>([]);
  const [sectors, setSectors] = useState<string[]>([]);
  const register = useRegistryCommand({
    run: (body: ActorBody, headers) => actorsControllerRegister({ body, headers, throwOnError: true }),
    onSuccess: () => {
      setActorId('');
      setNames({});
      setChosen([]);
      setSectors([]);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void register.submit({
      ...(actorId.trim() && { actorId: actorId.trim() }),
      kind,
      names: localizedBody(names),
      regions: chosen.map((code) => ({ scheme: PROVINCE_SCHEME, code })),
      sectors: sectors as ActorBody['sectors'],
    });
  };
  return (
    <form noValidate onSubmit={submit} aria-label={t('actors.register')}>
      <Fieldset legend={t('actors.register')}>
        <Stack gap="sm">
          <DoneNotice message={register.done && t('actors.registered')} />
          <CommandAlert
            command={register}
            claimed={claimedUnder(register.problem, ['/actorId', '/kind', '/names', '/regions', '/sectors'])}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('actors.actorId')}
              description={t('register.associationIdHint')}
              dir="ltr"
              value={actorId}
              onChange={(event) => setActorId(event.currentTarget.value)}
              error={errorAt(register.problem, '/actorId')}
            />
            <NativeSelect
              label={t('actors.kind')}
              value={kind}
              onChange={(event) => setKind(event.currentTarget.value as ActorBody['kind'])}
              data={ACTOR_KINDS.map((k) => ({ value: k, label: t(`actors.kinds.${k}`) }))}
              error={errorAt(register.problem, '/kind')}
            />
          </SimpleGrid>
          <LocalizedTextInputs
            legend={t('actors.names')}
            value={names}
            onChange={setNames}
            error={(pointer) => errorAt(register.problem, pointer)}
            pointer="/names"
          />
          <Checkbox.Group
            label={t('actors.regions')}
            description={t('actors.regionsHint')}
            value={chosen}
            onChange={setChosen}
            error={errorUnder(register.problem, '/regions')}
          >
            <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
              {regions.map((region) => (
                <Checkbox key={region.code} value={region.code} label={region.name} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <ReferenceMultiSelect
            kind="sectors"
            label={t('actors.sectors')}
            value={sectors}
            onChange={setSectors}
            error={errorUnder(register.problem, '/sectors')}
          />
          <Group>
            <Button type="submit" loading={register.pending}>
              {t('actors.registerSubmit')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}
