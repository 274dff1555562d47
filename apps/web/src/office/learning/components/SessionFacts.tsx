import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { formatInZone, SessionSummary } from '../learning';
import { STRINGS } from '../strings';

/** Where and when a session is held (its own time zone), and its public page. */
export function SessionFacts(props: { session: SessionSummary | undefined; sessionId: string }) {
  const { t } = useStrings(STRINGS);
  const { locale } = usePreferences();
  const format = useFormatters();
  const { session } = props;
  const place = session?.online
    ? t('enrolments.online')
    : [session?.city, session?.country ? format.country(session.country) : undefined]
        .filter(Boolean)
        .join(', ');
  return (
    <>
      {session?.startsAt && session.endsAt && (
        <Text size="sm">
          {t('enrolments.dates', {
            from: formatInZone(session.startsAt, locale, session.timezone),
            to: formatInZone(session.endsAt, locale, session.timezone),
          })}
          {session.timezone && ` (${session.timezone})`}
        </Text>
      )}
      {place && <Text size="sm">{t('enrolments.place', { place })}</Text>}
      {session?.url && (
        <Anchor href={session.url} target="_blank" rel="noreferrer" size="sm">
          {t('enrolments.join')}
        </Anchor>
      )}
      <Anchor component={Link} to={`/training/sessions/${encodeURIComponent(props.sessionId)}`} size="sm">
        {t('enrolments.publicPage')}
      </Anchor>
    </>
  );
}
