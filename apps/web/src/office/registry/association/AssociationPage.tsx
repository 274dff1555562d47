import { Alert, Anchor, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  ApiRecord,
  localizedField,
  recordField,
  recordListField,
  textField,
  textListField,
} from '../../../api/record-fields';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { ContactsSection } from '../contacts/ContactsSection';
import { associationQuery } from '../queries';
import { DoneNotice } from '../../forms/DoneNotice';
import { RegistryNav } from '../shared/RegistryNav';
import { StatusBadge } from '../shared/StatusBadge';
import { STRINGS } from '../strings';
import { ProfileEditor } from './ProfileEditor';
import { StatusActions } from './StatusActions';

/**
 * One association as the officer works on it: its profile and status, the actions its status
 * allows, the profile's edit form (If-Match: the revision it was opened at) and its contact persons.
 */
export function AssociationPage() {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const associationId = useParams()['associationId'] ?? '';
  const [params] = useSearchParams();
  const association = useQuery(associationQuery(associationId));
  // The edit form starts again from the record when the officer reloads it or after a save.
  const [formKey, setFormKey] = useState(0);
  const [saved, setSaved] = useState(false);

  if (association.isPending) return <Loader aria-label={t('common.loading')} />;
  if (association.isError)
    return (
      <Stack gap="sm">
        <RegistryNav />
        <Title order={1}>{t('association.notFound')}</Title>
        <Anchor component={Link} to="/office/registry">
          {t('association.back')}
        </Anchor>
      </Stack>
    );
  const { record, revision } = association.data;
  const status = textField(record, 'status');
  const name = localizedField(recordField(record, 'profile') ?? {}, 'names', language) ?? associationId;
  const restart = () => setFormKey((key) => key + 1);
  return (
    <Stack gap="lg">
      <RegistryNav />
      <div>
        <Anchor component={Link} to="/office/registry" size="sm">
          {t('association.back')}
        </Anchor>
        <Group gap="sm">
          <Title order={1}>{name}</Title>
          <StatusBadge status={status} />
        </Group>
        <Text size="sm" c="dimmed" dir="ltr" style={{ textAlign: 'start' }}>
          {associationId}
        </Text>
        <Anchor
          component={Link}
          to={`/office/notifications/proof?organisationId=${encodeURIComponent(associationId)}`}
          size="sm"
        >
          {t('association.proofOfNotice')}
        </Anchor>
      </div>
      <DoneNotice message={params.get('registered') === '1' && t('association.registered')} />
      <ProfileSummary record={record} />
      <StatusActions
        associationId={associationId}
        status={status}
        revision={revision}
        onReload={() => void association.refetch()}
      />
      <section aria-labelledby="association-profile">
        <Title order={2} size="h3" id="association-profile" mb="sm">
          {t('profile.editTitle')}
        </Title>
        <DoneNotice message={saved && t('profile.saved')} />
        {revision === undefined ? (
          <Alert color="red" title={t('common.loadError')} />
        ) : (
          <ProfileEditor
            key={formKey}
            associationId={associationId}
            record={record}
            revision={revision}
            onSubmit={() => setSaved(false)}
            onSaved={() => {
              setSaved(true);
              restart();
            }}
            onReload={async () => {
              setSaved(false);
              await association.refetch();
              restart();
            }}
          />
        )}
      </section>
      <ContactsSection associationId={associationId} />
    </Stack>
  );
}

function ProfileSummary({ record }: { record: ApiRecord }) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const profile = recordField(record, 'profile') ?? {};
  const members = profile['membersCount'];
  const cities = recordListField(profile, 'hostCities').map(
    (city) => `${textField(city, 'name') ?? ''} (${format.country(textField(city, 'country') ?? '')})`,
  );
  const provinces = recordListField(profile, 'originProvinces').map((p) => textField(p, 'code') ?? '');
  return (
    <List spacing={4} size="sm">
      <List.Item>
        {t('common.fact', {
          label: t('profile.hostCountries'),
          value: textListField(profile, 'hostCountries').map(format.country).join(', ') || '—',
        })}
      </List.Item>
      <List.Item>
        {t('common.fact', { label: t('profile.hostCities'), value: cities.join(', ') || '—' })}
      </List.Item>
      <List.Item>
        {t('common.fact', { label: t('profile.originProvinces'), value: provinces.join(', ') || '—' })}
      </List.Item>
      <List.Item>
        {t('common.fact', {
          label: t('profile.sectors'),
          value: textListField(profile, 'sectors').join(', ') || '—',
        })}
      </List.Item>
      <List.Item>
        {t('common.fact', {
          label: t('profile.membersCount'),
          value: typeof members === 'number' ? format.count(members) : '—',
        })}
      </List.Item>
    </List>
  );
}
