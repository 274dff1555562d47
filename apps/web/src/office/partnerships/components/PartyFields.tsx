import { Button, Checkbox, Fieldset, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useFormatters } from '../../../format/use-formatters';
import { useStrings } from '../../../i18n/strings';
import { MoneyInput } from '../../forms/MoneyInput';
import { PARTY_KINDS, PARTY_ROLES, PartyForm } from '../agreement-draft-form';
import { STRINGS } from '../strings';

/** One party of a draft: its Registry id, kind, roles and the money it commits. */
export function PartyFields(props: {
  index: number;
  value: PartyForm;
  onChange(value: PartyForm): void;
  onRemove?: () => void;
  error(pointer: string): string | undefined;
}) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const n = format.count(props.index + 1);
  const at = `/parties/${props.index}`;
  const set = <K extends keyof PartyForm>(key: K, value: PartyForm[K]) =>
    props.onChange({ ...props.value, [key]: value });
  return (
    <Fieldset legend={t('draft.party', { n })}>
      <Stack gap="xs">
        <TextInput
          label={t('draft.partyId', { n })}
          required
          dir="ltr"
          value={props.value.partyId}
          onChange={(event) => set('partyId', event.currentTarget.value)}
          error={props.error(`${at}/partyId`)}
        />
        <NativeSelect
          label={t('draft.partyKind', { n })}
          data={PARTY_KINDS.map((k) => ({ value: k, label: t(`partyKind.${k}`) }))}
          value={props.value.partyKind}
          onChange={(event) =>
            set('partyKind', PARTY_KINDS.find((k) => k === event.currentTarget.value) ?? 'association')
          }
          error={props.error(`${at}/partyKind`)}
        />
        <Checkbox.Group
          label={t('draft.partyRoles', { n })}
          required
          value={props.value.roles}
          onChange={(roles) =>
            set(
              'roles',
              PARTY_ROLES.filter((r) => roles.includes(r)),
            )
          }
          error={props.error(`${at}/roles`)}
        >
          <Group gap="md" mt={4}>
            {PARTY_ROLES.map((role) => (
              <Checkbox key={role} value={role} label={t(`role.${role}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <MoneyInput
          label={t('draft.commitment', { n })}
          value={props.value.commitment}
          onChange={(commitment) => set('commitment', commitment)}
          error={props.error}
          pointer={`${at}/commitments/0/amount`}
        />
        {props.onRemove && (
          <Group>
            <Button variant="subtle" color="red.9" size="compact-sm" onClick={props.onRemove}>
              {t('draft.removeParty', { n })}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
