import { Anchor, Badge, Group } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { NavLink } from 'react-router';
import { notificationsControllerInbox } from '../api/generated';
import { numberField } from '../api/record-fields';
import { useStrings } from '../i18n/strings';
import { usePreferences } from '../i18n/PreferencesProvider';
import { formatCount } from '../format/numbers';
import { STRINGS } from './strings';

/**
 * Under the key of the notifications area's inbox (office/notifications/queries.ts, INBOX_KEY), so
 * marking a notice read there refreshes the badge; not imported from there, to keep the area's
 * code out of the shell.
 */
const UNREAD_KEY = ['notifications', 'inbox', 'unread'] as const;

/** In the header, once signed in: the inbox, with the count of unread notices when there are any. */
export function InboxLink() {
  const { t } = useStrings(STRINGS);
  const { locale } = usePreferences();
  const unread = useQuery({
    queryKey: UNREAD_KEY,
    queryFn: async () => {
      const { data } = await notificationsControllerInbox({ query: { pageSize: 1 }, throwOnError: true });
      return numberField(data as { [key: string]: unknown }, 'unread') ?? 0;
    },
    refetchInterval: 60_000,
  });
  const count = unread.data ?? 0;
  return (
    <Anchor
      component={NavLink}
      to="/office/notifications"
      end
      aria-label={count > 0 ? t('header.inboxUnread', { count: formatCount(count, locale) }) : undefined}
    >
      <Group gap={4} wrap="nowrap" component="span">
        {t('header.inbox')}
        {count > 0 && (
          <Badge color="red.9" size="sm" circle={count < 10} aria-hidden>
            {formatCount(count, locale)}
          </Badge>
        )}
      </Group>
    </Anchor>
  );
}
