import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { numberField, textField } from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { useStrings } from '../../../i18n/strings';
import { Pager } from '../../partnerships/components/Pager';
import { STRINGS as OFFICE_STRINGS } from '../../strings';
import { NotificationsNav } from '../components/NotificationsNav';
import { OutcomeText } from '../components/OutcomeText';
import { readProofSearch, toProofQuery, writeProofSearch } from '../proof-search';
import { CHANNELS, proofQuery } from '../queries';
import { STRINGS } from '../strings';

/**
 * The proof of notice: what an organisation was told about its records, newest first; each notice
 * opens its log. Filters (organisation, record, channel) live in the address, so a link from an
 * association's page, a reload or the back button show the same list.
 */
export function ProofOfNoticePage() {
  const { t } = useStrings(STRINGS);
  const { t: tOffice } = useStrings(OFFICE_STRINGS);
  const format = useFormatters();
  const [params, setParams] = useSearchParams();
  const search = readProofSearch(params);
  const [organisationId, setOrganisationId] = useState(search.organisationId ?? '');
  const [subjectId, setSubjectId] = useState(search.subjectId ?? '');
  const proof = useQuery(proofQuery(toProofQuery(search)));
  const channelName = (channel: string) => t(`preferences.channel.${channel}`, { defaultValue: channel });
  return (
    <Stack gap="md">
      <NotificationsNav />
      <Title order={1}>{t('proof.title')}</Title>
      <Text>{t('proof.intro')}</Text>
      <Group
        component="form"
        align="end"
        onSubmit={(event) => {
          event.preventDefault();
          setParams(
            writeProofSearch({
              ...search,
              organisationId: organisationId.trim() || undefined,
              subjectId: subjectId.trim() || undefined,
              page: 1,
            }),
          );
        }}
      >
        <TextInput
          label={t('proof.organisationId')}
          dir="ltr"
          w={320}
          value={organisationId}
          onChange={(event) => setOrganisationId(event.currentTarget.value)}
        />
        <TextInput
          label={t('proof.subjectId')}
          dir="ltr"
          w={280}
          value={subjectId}
          onChange={(event) => setSubjectId(event.currentTarget.value)}
        />
        <NativeSelect
          label={t('proof.channelFilter')}
          w={200}
          data={[
            { value: '', label: t('proof.all') },
            ...CHANNELS.map((c) => ({ value: c, label: channelName(c) })),
          ]}
          value={search.channel ?? ''}
          onChange={(event) =>
            setParams(
              writeProofSearch({
                ...search,
                channel: CHANNELS.find((c) => c === event.currentTarget.value),
                page: 1,
              }),
            )
          }
        />
        <Button type="submit" variant="default">
          {t('proof.show')}
        </Button>
      </Group>
      {proof.isPending && <Loader aria-label={tOffice('form.loading')} />}
      {proof.isError && <Alert color="red" title={tOffice('form.loadError')} />}
      {proof.data && proof.data.items.length === 0 && <Text>{t('proof.empty')}</Text>}
      {proof.data && proof.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={960}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('proof.columns.trigger')}</Table.Th>
                <Table.Th>{t('proof.columns.channel')}</Table.Th>
                <Table.Th>{t('proof.columns.status')}</Table.Th>
                <Table.Th>{t('proof.columns.language')}</Table.Th>
                <Table.Th>{t('proof.columns.template')}</Table.Th>
                <Table.Th>{t('proof.columns.dates')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {proof.data.items.map((item) => {
                const id = textField(item, 'notificationId') ?? '';
                const trigger = t(`trigger.${textField(item, 'trigger')}`, {
                  defaultValue: textField(item, 'trigger') ?? '',
                });
                const channel = channelName(textField(item, 'channel') ?? '');
                const language = textField(item, 'language');
                const fallbackFrom = textField(item, 'fallbackFrom');
                const templateId = textField(item, 'templateId');
                const version = numberField(item, 'templateVersion');
                const requestedAt = textField(item, 'requestedAt');
                const deliveredAt = textField(item, 'deliveredAt');
                const failedAt = textField(item, 'failedAt');
                return (
                  <Table.Tr key={id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/office/notifications/proof/${encodeURIComponent(id)}`}>
                        {trigger}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{channel}</Table.Td>
                    <Table.Td>
                      <OutcomeText notification={item} />
                    </Table.Td>
                    <Table.Td>
                      {language ? t(`language.${language}`, { defaultValue: language }) : '—'}
                      {fallbackFrom && (
                        <Text size="sm">
                          {t('proof.fallback', {
                            language: t(`language.${fallbackFrom}`, { defaultValue: fallbackFrom }),
                          })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {templateId && version !== undefined
                        ? t('proof.template', { id: templateId, version: format.count(version) })
                        : '—'}
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={0}>
                        {requestedAt && (
                          <Text size="sm">
                            {t('proof.requested', { date: format.dateTime(requestedAt) })}
                          </Text>
                        )}
                        {deliveredAt && (
                          <Text size="sm">
                            {t('proof.delivered', { date: format.dateTime(deliveredAt) })}
                          </Text>
                        )}
                        {failedAt && (
                          <Text size="sm">{t('proof.failed', { date: format.dateTime(failedAt) })}</Text>
                        )}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {proof.data && (
        <Pager
          page={proof.data}
          value={search.page}
          onChange={(page) => setParams(writeProofSearch({ ...search, page }))}
        />
      )}
    </Stack>
  );
}
