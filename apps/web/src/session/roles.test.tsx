import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import openapi from '../api/openapi.json';
import { renderRoute } from '../test/render-app';
import ar from './i18n/ar.json';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

/** The roles the platform's tokens carry, as its OpenAPI document names them. */
const API_ROLES = openapi.components.schemas.ActorView.properties.roles.items.enum;

const signedIn = (actor: {
  id: string;
  roles: string[];
  organisationId: string | null;
  personId: string | null;
}) =>
  window.sessionStorage.setItem(
    'tadamon.session',
    JSON.stringify({ token: 'token', actor, expiresAt: Date.now() + 3_600_000 }),
  );

describe('the roles', () => {
  afterEach(() => window.sessionStorage.clear());

  it('each have a label in Arabic, French and English, and no label names a role the platform lacks', () => {
    expect(API_ROLES).toEqual(expect.arrayContaining(['trainer', 'trainee']));
    for (const strings of [ar, fr, en])
      expect(Object.keys(strings.roles).sort()).toEqual([...API_ROLES].sort());
  });

  it('greet a French trainee by their role, with their training and their inbox as their areas', async () => {
    signedIn({
      id: 'user-trainee',
      roles: ['trainee'],
      organisationId: 'assoc-migrations-et-developpement',
      personId: 'person-demo-md-president',
    });
    renderRoute('/office', ['fr-FR']);
    expect(await screen.findByText('Les tâches de votre rôle : Participant aux formations.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Inscriptions et certificats' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Notifications' })).toBeTruthy();
  });

  it('greet an Arabic-reading trainer by their role, with the training desk and their inbox', async () => {
    signedIn({ id: 'user-trainer', roles: ['trainer'], organisationId: null, personId: null });
    renderRoute('/office', ['ar']);
    expect(await screen.findByText('مهام دورك: مكوّن.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'التكوين: الدورات والشهادات' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'الإشعارات' })).toBeTruthy();
  });
});
