import { QueryClient } from '@tanstack/react-query';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderRoute } from '../../../test/render-app';
import { fakeRegistry, signedInOfficer, withDocumentFonts } from '../testing/fake-registry';

const PAGE = '/office/registry/associations/assoc-amis-tiznit';
// Rendering the whole app with its lazy routes takes seconds on a busy machine.
const SLOW = 20_000;
const newClient = () => new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 60_000 } } });

describe('an association’s record in the officer’s Registry', () => {
  let registry: ReturnType<typeof fakeRegistry>;
  let uninstall: () => void;
  beforeEach(() => {
    withDocumentFonts();
    registry = fakeRegistry();
    uninstall = registry.install();
    signedInOfficer();
  });
  afterEach(() => {
    uninstall();
    window.sessionStorage.clear();
  }, SLOW);

  it(
    'says the record changed meanwhile when the save answers 412, and after a reload the edit goes through',
    async () => {
      renderRoute(PAGE, ['fr-FR'], newClient());
      await screen.findByRole('heading', { level: 1, name: 'Amis de Tiznit' }, { timeout: 5000 });
      const form = screen.getByRole('form', { name: 'Modifier le profil' });
      registry.changeMeanwhile(70);

      fireEvent.change(within(form).getByLabelText('Nombre de membres'), { target: { value: '60' } });
      fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer le profil' }));
      const stale = await within(form).findByRole('alert');
      expect(stale.textContent).toContain('modifiée entre-temps');
      expect(registry.association.profile.membersCount).toBe(70);
      expect(registry.requests.at(-1)?.headers.get('if-match')).toBe('"3"');

      fireEvent.click(within(stale).getByRole('button', { name: 'Recharger' }));
      await waitFor(() =>
        expect(
          (
            within(screen.getByRole('form', { name: 'Modifier le profil' })).getByLabelText(
              'Nombre de membres',
            ) as HTMLInputElement
          ).value,
        ).toBe('70'),
      );
      const reloaded = screen.getByRole('form', { name: 'Modifier le profil' });
      fireEvent.change(within(reloaded).getByLabelText('Nombre de membres'), { target: { value: '60' } });
      fireEvent.click(within(reloaded).getByRole('button', { name: 'Enregistrer le profil' }));
      await screen.findByText('Le profil est enregistré.');
      expect(registry.association.profile.membersCount).toBe(60);
      const patches = registry.requests.filter((request) => request.method === 'PATCH');
      expect(patches.map((request) => request.headers.get('if-match'))).toEqual(['"3"', '"4"']);
    },
    SLOW,
  );

  it(
    'shows the platform’s field error under its field, in the reader’s language for the rest of the form',
    async () => {
      renderRoute(PAGE, ['ar'], newClient());
      await screen.findByRole('heading', { level: 1, name: 'أصدقاء تيزنيت' }, { timeout: 5000 });
      const form = screen.getByRole('form', { name: 'تعديل البطاقة' });
      const members = within(form).getByLabelText('عدد الأعضاء');
      fireEvent.change(members, { target: { value: '-5' } });
      fireEvent.click(within(form).getByRole('button', { name: 'حفظ البطاقة' }));
      await waitFor(() => expect(members.getAttribute('aria-invalid')).toBe('true'));
      const errorId = (members.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .find((id) => id.endsWith('-error'));
      expect(document.getElementById(errorId ?? '')?.textContent).toBe(
        'membersCount must not be less than 0',
      );
      expect(within(form).getByRole('alert').textContent).toContain('بعض الحقول');
      expect(registry.association.profile.membersCount).toBe(40);
    },
    SLOW,
  );

  it(
    'does not send a members count that is not a whole number, and says why under the field',
    async () => {
      renderRoute(PAGE, ['fr-FR'], newClient());
      await screen.findByRole('heading', { level: 1, name: 'Amis de Tiznit' }, { timeout: 5000 });
      const form = screen.getByRole('form', { name: 'Modifier le profil' });
      fireEvent.change(within(form).getByLabelText('Nombre de membres'), { target: { value: 'quarante' } });
      fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer le profil' }));
      await within(form).findByText('Saisissez un nombre entier, par exemple 40.');
      expect(registry.requests.filter((request) => request.method === 'PATCH')).toEqual([]);
    },
    SLOW,
  );
});
