import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { notificationsControllerInbox, notificationsControllerRead } from '../../../api/generated';
import { renderWithProviders } from '../../../test/render-app';
import { ASSOCIATION, signIn } from '../testing/signed-in';
import { InboxPage } from './InboxPage';

vi.mock('../../../api/generated', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../api/generated')>()),
  notificationsControllerInbox: vi.fn(),
  notificationsControllerRead: vi.fn(),
}));
const inbox = vi.mocked(notificationsControllerInbox);
const read = vi.mocked(notificationsControllerRead);

const notice = (id: string, readAt: string | null) => ({
  notificationId: id,
  trigger: 'grant-awarded',
  subject: `Subvention accordée (${id})`,
  channel: 'in-app',
  status: 'delivered',
  // 23:30 UTC in June is 00:30 the next day in Casablanca (UTC+1).
  deliveredAt: '2026-06-15T23:30:00.000Z',
  readAt,
});
const answer = (items: unknown[], unread: number) =>
  ({ data: { items, total: items.length, page: 1, pageSize: 20, unread } }) as never;

afterEach(() => {
  window.sessionStorage.clear();
  vi.clearAllMocks();
});

describe('the inbox', () => {
  it('shows the association its notices with their kind and Casablanca date, and one marked read leaves one fewer unread', async () => {
    signIn(ASSOCIATION);
    inbox.mockResolvedValue(answer([notice('ntf-1', null), notice('ntf-2', '2026-06-16T08:00:00Z')], 1));
    renderWithProviders(
      <MemoryRouter>
        <InboxPage />
      </MemoryRouter>,
    );
    await screen.findByText('Non lues : 1');
    const row = screen.getByRole('row', { name: /ntf-1/ });
    expect(within(row).getByText('Subvention accordée')).toBeTruthy();
    expect(within(row).getByText(/16 juin 2026.*00:30/)).toBeTruthy();
    expect(within(row).getByText('Non lue')).toBeTruthy();
    expect(within(screen.getByRole('row', { name: /ntf-2/ })).queryByRole('button')).toBeNull();

    read.mockResolvedValueOnce({ data: { revision: 4, events: ['NotificationRead'] } } as never);
    inbox.mockResolvedValue(
      answer([notice('ntf-1', '2026-06-16T09:00:00Z'), notice('ntf-2', '2026-06-16T08:00:00Z')], 0),
    );
    await userEvent.click(
      within(row).getByRole('button', { name: 'Marquer comme lue : Subvention accordée (ntf-1)' }),
    );
    await screen.findByText('La notification est marquée comme lue.');
    await screen.findByText('Non lues : 0');
    expect(read.mock.calls[0][0]).toMatchObject({ path: { notificationId: 'ntf-1' } });
    expect(screen.queryByRole('button', { name: /Marquer comme lue/ })).toBeNull();
  });

  it('says so when there is nothing yet', async () => {
    signIn(ASSOCIATION);
    inbox.mockResolvedValue(answer([], 0));
    renderWithProviders(
      <MemoryRouter>
        <InboxPage />
      </MemoryRouter>,
    );
    await screen.findByText('Aucune notification pour l’instant.');
  });
});
