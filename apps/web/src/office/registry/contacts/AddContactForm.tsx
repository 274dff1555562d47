import { Button, Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { contactPersonsControllerAdd } from '../../../api/generated';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { claimedUnder, errorUnder } from '../shared/field-errors';
import { DoneNotice } from '../../forms/DoneNotice';
import { useRegistryCommand } from '../shared/use-registry-command';
import { STRINGS } from '../strings';
import { CONSENT_PURPOSES, CONTACT_ROLES, LEGAL_BASES } from './contact-fields';

type AddBody = Parameters<typeof contactPersonsControllerAdd>[0]['body'];

const EMPTY = {
  role: 'president' as AddBody['role'],
  fullName: '',
  email: '',
  phone: '',
  consent: true,
  purpose: 'registry-contact' as (typeof CONSENT_PURPOSES)[number],
  legalBasis: 'gdpr' as (typeof LEGAL_BASES)[number],
};

/** Adds a contact person with a role, a card (sealed by the platform) and the consent given. */
export function AddContactForm({ associationId }: { associationId: string }) {
  const { t } = useStrings(STRINGS);
  const [form, setForm] = useState(EMPTY);
  const add = useRegistryCommand({
    run: (body: AddBody, headers) =>
      contactPersonsControllerAdd({ path: { associationId }, body, headers, throwOnError: true }),
    onSuccess: () => setForm(EMPTY),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void add.submit({
      role: form.role,
      card: {
        fullName: form.fullName.trim(),
        ...(form.email.trim() && { email: form.email.trim() }),
        ...(form.phone.trim() && { phone: form.phone.trim() }),
      },
      consents: form.consent ? [{ purpose: form.purpose, legalBasis: form.legalBasis }] : [],
    });
  };
  const text = (field: 'fullName' | 'email' | 'phone') => (event: { currentTarget: { value: string } }) =>
    setForm({ ...form, [field]: event.currentTarget.value });
  return (
    <form noValidate onSubmit={submit} aria-label={t('contacts.add')}>
      <Fieldset legend={t('contacts.add')}>
        <Stack gap="sm">
          <DoneNotice message={add.done && t('contacts.added')} />
          <CommandAlert command={add} claimed={claimedUnder(add.problem, ['/role', '/card', '/consents'])} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('contacts.role')}
              value={form.role}
              onChange={(event) => setForm({ ...form, role: event.currentTarget.value as AddBody['role'] })}
              data={CONTACT_ROLES.map((role) => ({ value: role, label: t(`contacts.roles.${role}`) }))}
              error={errorUnder(add.problem, '/role')}
            />
            <TextInput
              label={t('contacts.fullName')}
              required
              value={form.fullName}
              onChange={text('fullName')}
              error={errorUnder(add.problem, '/card/fullName')}
            />
            <TextInput
              label={t('contacts.email')}
              type="email"
              dir="ltr"
              value={form.email}
              onChange={text('email')}
              error={errorUnder(add.problem, '/card/email')}
            />
            <TextInput
              label={t('contacts.phone')}
              type="tel"
              dir="ltr"
              value={form.phone}
              onChange={text('phone')}
              error={errorUnder(add.problem, '/card/phone')}
            />
          </SimpleGrid>
          <Checkbox
            label={t('contacts.consentGiven')}
            checked={form.consent}
            onChange={(event) => setForm({ ...form, consent: event.currentTarget.checked })}
          />
          {form.consent && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t('contacts.purpose')}
                value={form.purpose}
                onChange={(event) =>
                  setForm({ ...form, purpose: event.currentTarget.value as typeof form.purpose })
                }
                data={CONSENT_PURPOSES.map((p) => ({ value: p, label: t(`contacts.purposes.${p}`) }))}
                error={errorUnder(add.problem, '/consents/0/purpose')}
              />
              <NativeSelect
                label={t('contacts.legalBasis')}
                value={form.legalBasis}
                onChange={(event) =>
                  setForm({ ...form, legalBasis: event.currentTarget.value as typeof form.legalBasis })
                }
                data={LEGAL_BASES.map((b) => ({ value: b, label: t(`contacts.bases.${b}`) }))}
                error={errorUnder(add.problem, '/consents/0/legalBasis')}
              />
            </SimpleGrid>
          )}
          <Group>
            <Button type="submit" loading={add.pending}>
              {t('contacts.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}
