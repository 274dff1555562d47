import type { ActorView } from '../../../api/generated';

export const ASSOCIATION: ActorView = {
  id: 'user-association',
  roles: ['association'],
  organisationId: 'assoc-migrations-et-developpement',
  personId: null,
};
export const PARTNER: ActorView = {
  id: 'user-partner',
  roles: ['partner'],
  organisationId: 'actor-cri-souss-massa',
  personId: null,
};

/** A session as the sign-in page stores it (the tests render pages without signing in). */
export function signIn(actor: ActorView): void {
  window.sessionStorage.setItem(
    'tadamon.session',
    JSON.stringify({ token: 't', actor, expiresAt: Date.now() + 3_600_000 }),
  );
  // Mantine reads document.fonts, which jsdom lacks.
  if (!('fonts' in document))
    Object.defineProperty(document, 'fonts', {
      value: { addEventListener: () => undefined, removeEventListener: () => undefined },
    });
}
