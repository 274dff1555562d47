import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  webhookEndpointsControllerDeliveries,
  webhookEndpointsControllerReplay,
} from '../../../api/generated';
import { renderWithProviders } from '../../../test/render-app';
import { ASSOCIATION, signIn } from '../testing/signed-in';
import { EndpointDeliveriesPage } from './EndpointDeliveriesPage';

vi.mock('../../../api/generated', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../api/generated')>()),
  webhookEndpointsControllerDeliveries: vi.fn(),
  webhookEndpointsControllerReplay: vi.fn(),
}));
const deliveries = vi.mocked(webhookEndpointsControllerDeliveries);
const replay = vi.mocked(webhookEndpointsControllerReplay);

const delivery = (id: string, status: string, attempts: number, lastFailure: string | null) => ({
  notificationId: id,
  trigger: 'application-received',
  channel: 'webhook',
  status,
  attempts,
  lastFailure,
  requestedAt: '2026-12-07T10:00:00.000Z',
  deliveredAt: status === 'delivered' ? '2026-12-07T10:00:01.000Z' : null,
  failedAt: status === 'failed' ? '2026-12-08T06:00:00.000Z' : null,
});

afterEach(() => {
  window.sessionStorage.clear();
  vi.clearAllMocks();
});

describe('an endpoint’s delivery log', () => {
  it('shows each delivery’s outcome, attempts and last failure, and replays a failed one; one still being retried is not offered', async () => {
    signIn(ASSOCIATION);
    deliveries.mockResolvedValue({
      data: {
        items: [
          delivery('ntf-failed', 'failed', 8, 'HTTP 500'),
          delivery('ntf-retrying', 'retrying', 2, 'connection refused'),
        ],
        total: 2,
        page: 1,
        pageSize: 20,
      },
    } as never);
    replay.mockResolvedValueOnce({
      data: { revision: 20, position: 99, events: ['RedeliveryRequested'] },
    } as never);
    renderWithProviders(
      <MemoryRouter initialEntries={['/office/notifications/webhooks/whe-1']}>
        <Routes>
          <Route path="/office/notifications/webhooks/:endpointId" element={<EndpointDeliveriesPage />} />
        </Routes>
      </MemoryRouter>,
    );
    const failed = await screen.findByRole('row', { name: /HTTP 500/ });
    expect(within(failed).getByText('Échouée')).toBeTruthy();
    expect(within(failed).getByText('8')).toBeTruthy();
    const retrying = screen.getByRole('row', { name: /connection refused/ });
    expect(within(retrying).getByText('Nouvel essai prévu')).toBeTruthy();
    expect(within(retrying).queryByRole('button', { name: 'Renvoyer' })).toBeNull();

    await userEvent.click(within(failed).getByRole('button', { name: 'Renvoyer' }));
    await screen.findByText(/L’envoi est relancé/);
    expect(replay.mock.calls[0][0].path).toEqual({ endpointId: 'whe-1', notificationId: 'ntf-failed' });
    expect(replay.mock.calls[0][0].headers).toHaveProperty('Idempotency-Key');
  });
});
