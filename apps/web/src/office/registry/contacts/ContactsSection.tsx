import { Alert, Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { recordListField, textField } from '../../../api/record-fields';
import { useStrings } from '../../../i18n/strings';
import { contactsQuery } from '../queries';
import { STRINGS } from '../strings';
import { AddContactForm } from './AddContactForm';
import { cardOf } from './contact-fields';

/** An association's contact persons (an erased person shows as erased) and adding one. */
export function ContactsSection({ associationId }: { associationId: string }) {
  const { t } = useStrings(STRINGS);
  const contacts = useQuery(contactsQuery(associationId));
  return (
    <section aria-labelledby="association-contacts">
      <Stack gap="sm">
        <Title order={2} size="h3" id="association-contacts">
          {t('contacts.title')}
        </Title>
        {contacts.isError && <Alert color="red" title={t('common.loadError')} />}
        {contacts.isSuccess && contacts.data.length === 0 && <Text size="sm">{t('contacts.none')}</Text>}
        {contacts.isSuccess && contacts.data.length > 0 && (
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contacts.fullName')}</Table.Th>
                <Table.Th>{t('contacts.role')}</Table.Th>
                <Table.Th>{t('contacts.email')}</Table.Th>
                <Table.Th>{t('contacts.consents')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contacts.data.map((contact) => {
                const subjectId = textField(contact, 'subjectId') ?? '';
                const card = cardOf(contact);
                const given = recordListField(contact, 'consents').filter(
                  (c) => textField(c, 'decision') === 'given',
                );
                return (
                  <Table.Tr key={subjectId}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/office/registry/contacts/${encodeURIComponent(subjectId)}`}
                      >
                        {card.erased ? t('contacts.erased') : (card.fullName ?? subjectId)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t(`contacts.roles.${textField(contact, 'role') ?? 'other'}`)}</Table.Td>
                    <Table.Td dir="ltr">{card.email ?? '—'}</Table.Td>
                    <Table.Td>
                      {given.map((c) => t(`contacts.purposes.${textField(c, 'purpose') ?? ''}`)).join(', ') ||
                        '—'}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        <AddContactForm associationId={associationId} />
      </Stack>
    </section>
  );
}
