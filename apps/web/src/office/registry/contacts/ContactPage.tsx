import { Alert, Anchor, Button, Group, List, Loader, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { contactPersonsControllerConsent } from '../../../api/generated';
import { recordListField, textField } from '../../../api/record-fields';
import { useStrings } from '../../../i18n/strings';
import { CommandAlert } from '../../forms/CommandAlert';
import { contactQuery } from '../queries';
import { DoneNotice } from '../../forms/DoneNotice';
import { RegistryNav } from '../shared/RegistryNav';
import { StatusBadge } from '../shared/StatusBadge';
import { useRegistryCommand } from '../shared/use-registry-command';
import { STRINGS } from '../strings';
import { AccessExport } from './AccessExport';
import { cardOf } from './contact-fields';
import { EraseContact } from './EraseContact';

type ConsentBody = Parameters<typeof contactPersonsControllerConsent>[0]['body'];

/**
 * A contact person: the card, the consents with the decision to record (a withdrawal, or consent
 * given again), the data-subject access export and the erasure of their data.
 */
export function ContactPage() {
  const { t } = useStrings(STRINGS);
  const subjectId = useParams()['subjectId'] ?? '';
  const contact = useQuery(contactQuery(subjectId));
  if (contact.isPending) return <Loader aria-label={t('common.loading')} />;
  if (contact.isError)
    return (
      <Stack gap="sm">
        <RegistryNav />
        <Title order={1}>{t('contacts.notFound')}</Title>
      </Stack>
    );
  const { record, revision } = contact.data;
  const card = cardOf(record);
  const associationId = textField(record, 'associationId') ?? '';
  const reload = () => void contact.refetch();
  return (
    <Stack gap="lg">
      <RegistryNav />
      <div>
        <Anchor
          component={Link}
          to={`/office/registry/associations/${encodeURIComponent(associationId)}`}
          size="sm"
        >
          {t('contacts.back')}
        </Anchor>
        <Group gap="sm">
          <Title order={1}>{card.erased ? t('contacts.erased') : (card.fullName ?? subjectId)}</Title>
          <StatusBadge status={textField(record, 'status')} />
        </Group>
      </div>
      {card.erased ? (
        <Alert color="gray" title={t('contacts.erasedDetail')} />
      ) : (
        <List spacing={4} size="sm">
          <List.Item>
            {t('common.fact', {
              label: t('contacts.role'),
              value: t(`contacts.roles.${textField(record, 'role') ?? 'other'}`),
            })}
          </List.Item>
          <List.Item>{t('common.fact', { label: t('contacts.email'), value: card.email ?? '—' })}</List.Item>
          <List.Item>{t('common.fact', { label: t('contacts.phone'), value: card.phone ?? '—' })}</List.Item>
        </List>
      )}
      <Consents
        subjectId={subjectId}
        consents={recordListField(record, 'consents')}
        revision={revision}
        onReload={reload}
      />
      {!card.erased && <AccessExport subjectId={subjectId} />}
      {!card.erased && <EraseContact subjectId={subjectId} revision={revision} onReload={reload} />}
    </Stack>
  );
}

function Consents(props: {
  subjectId: string;
  consents: ReturnType<typeof recordListField>;
  revision: number | undefined;
  onReload(): void;
}) {
  const { t } = useStrings(STRINGS);
  const record = useRegistryCommand({
    ifMatch: props.revision,
    run: (body: ConsentBody, headers) =>
      contactPersonsControllerConsent({
        path: { subjectId: props.subjectId },
        body,
        headers,
        throwOnError: true,
      }),
  });
  return (
    <section aria-labelledby="contact-consents">
      <Stack gap="sm">
        <Title order={2} size="h3" id="contact-consents">
          {t('contacts.consents')}
        </Title>
        <DoneNotice message={record.done && t('contacts.consentRecorded')} />
        <CommandAlert command={record} onReload={props.onReload} />
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contacts.purpose')}</Table.Th>
              <Table.Th>{t('contacts.legalBasis')}</Table.Th>
              <Table.Th>{t('contacts.decision')}</Table.Th>
              <Table.Th>{t('contacts.next')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.consents.map((consent) => {
              const purpose = textField(consent, 'purpose') as ConsentBody['purpose'];
              const legalBasis = textField(consent, 'legalBasis') as ConsentBody['legalBasis'];
              const given = textField(consent, 'decision') === 'given';
              return (
                <Table.Tr key={`${purpose}|${legalBasis}`}>
                  <Table.Td>{t(`contacts.purposes.${purpose}`)}</Table.Td>
                  <Table.Td>{t(`contacts.bases.${legalBasis}`)}</Table.Td>
                  <Table.Td>{t(`contacts.decisions.${given ? 'given' : 'withdrawn'}`)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="default"
                      loading={record.pending}
                      onClick={() =>
                        void record.submit({ purpose, legalBasis, decision: given ? 'withdrawn' : 'given' })
                      }
                    >
                      {t(given ? 'contacts.withdraw' : 'contacts.giveAgain')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
    </section>
  );
}
