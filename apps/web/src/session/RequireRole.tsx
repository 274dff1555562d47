import { Alert, Stack, Title } from '@mantine/core';
import { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useStrings } from '../i18n/strings';
import { Role, useSession } from './SessionProvider';
import { STRINGS } from './strings';

/**
 * The routes under it need a signed-in user with one of `roles` (any role when absent): otherwise
 * the sign-in page, which comes back here. The platform checks every call again; this only spares
 * a user pages that would answer 403.
 */
export function RequireRole(props: { roles?: readonly Role[]; children?: ReactNode }) {
  const { t } = useStrings(STRINGS);
  const session = useSession();
  const location = useLocation();
  if (!session.actor) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (props.roles && !session.hasRole(...props.roles))
    return (
      <Stack gap="sm">
        <Title order={1}>{t('forbidden.title')}</Title>
        <Alert color="red">
          {t('forbidden.detail', { roles: props.roles.map((role) => t(`roles.${role}`)).join(', ') })}
        </Alert>
      </Stack>
    );
  return <>{props.children ?? <Outlet />}</>;
}
