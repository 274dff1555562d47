import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { webhookEndpointsControllerList, webhookEndpointsControllerRegister } from '../../../api/generated';
import { renderWithProviders } from '../../../test/render-app';
import { PARTNER, signIn } from '../testing/signed-in';
import { WebhookEndpointsPage } from './WebhookEndpointsPage';

vi.mock('../../../api/generated', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../api/generated')>()),
  webhookEndpointsControllerList: vi.fn(),
  webhookEndpointsControllerRegister: vi.fn(),
}));
const list = vi.mocked(webhookEndpointsControllerList);
const register = vi.mocked(webhookEndpointsControllerRegister);

const ENDPOINT = {
  endpointId: 'whe-1',
  organisationId: 'actor-cri-souss-massa',
  url: 'https://cri.example.org/hooks',
  description: 'Suivi des conventions',
  triggers: ['agreement-amended', 'agreement-signed'],
  status: 'enabled',
  disabledReason: null,
  failingSince: null,
  registeredAt: '2026-12-07T10:00:00.000Z',
};
const page = (items: unknown[]) => ({ data: { items, total: items.length, page: 1, pageSize: 20 } }) as never;

afterEach(() => {
  window.sessionStorage.clear();
  vi.clearAllMocks();
});

describe('a partner’s webhook endpoints', () => {
  it('the partner registers an endpoint for two triggers and is shown its secret once, with the warning', async () => {
    signIn(PARTNER);
    list.mockResolvedValue(page([]));
    register.mockResolvedValueOnce({
      data: { endpointId: 'whe-1', secret: 'whsec_c2VjcmV0', revision: 0, position: 3, events: [] },
    } as never);
    renderWithProviders(
      <MemoryRouter>
        <WebhookEndpointsPage />
      </MemoryRouter>,
    );
    await screen.findByText('Aucun point de terminaison enregistré.');
    // A partner registers for its own organisation: no organisation field.
    expect(screen.queryByLabelText(/Organisation/)).toBeNull();
    await userEvent.type(screen.getByLabelText(/Adresse \(https\)/), 'https://cri.example.org/hooks');
    await userEvent.type(screen.getByLabelText(/^Description/), 'Suivi des conventions');
    await userEvent.click(screen.getByLabelText('Convention signée'));
    await userEvent.click(screen.getByLabelText('Convention modifiée'));
    list.mockResolvedValue(page([ENDPOINT]));
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    const shown = await screen.findByRole('status');
    expect(within(shown).getByText('whsec_c2VjcmV0')).toBeTruthy();
    expect(within(shown).getByText(/il ne sera plus jamais affiché/)).toBeTruthy();
    expect(within(shown).getByRole('button', { name: 'Copier le secret' })).toBeTruthy();
    expect(register.mock.calls[0][0].body).toEqual({
      url: 'https://cri.example.org/hooks',
      description: 'Suivi des conventions',
      triggers: ['agreement-signed', 'agreement-amended'],
    });
    const row = await screen.findByRole('row', { name: /cri\.example\.org/ });
    expect(within(row).getByText('Convention modifiée · Convention signée')).toBeTruthy();
    expect(within(row).getByText('Actif')).toBeTruthy();
    // The list never carries a secret.
    expect(within(row).queryByText(/whsec_/)).toBeNull();
  });
});
