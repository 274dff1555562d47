import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { preferencesControllerSet } from '../../../api/generated';
import { renderWithProviders } from '../../../test/render-app';
import { ASSOCIATION, signIn } from '../testing/signed-in';
import { PreferencesForm } from './PreferencesForm';

vi.mock('../../../api/generated', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../api/generated')>()),
  preferencesControllerSet: vi.fn(),
}));
const set = vi.mocked(preferencesControllerSet);

const RECORD = {
  recipientId: 'user-association',
  channels: ['email', 'in-app'],
  language: 'fr',
  cadence: 'immediate',
  quietHours: null,
  unsubscribed: [],
};

afterEach(() => {
  window.sessionStorage.clear();
  vi.clearAllMocks();
});

function renderForm(revision: number) {
  const onDone = vi.fn();
  renderWithProviders(
    <PreferencesForm
      recipientId="user-association"
      record={RECORD}
      revision={revision}
      onDone={onDone}
      onReload={() => undefined}
    />,
  );
  return onDone;
}

describe('my notification preferences', () => {
  it('a person drops email, asks for a weekly digest in Arabic with quiet hours, and saves them the first time without If-Match', async () => {
    signIn(ASSOCIATION);
    set.mockResolvedValueOnce({ data: { revision: 0, position: 9, events: ['PreferencesSet'] } } as never);
    const onDone = renderForm(-1);
    await userEvent.click(screen.getByLabelText('Courriel'));
    await userEvent.click(screen.getByLabelText('Arabe'));
    await userEvent.click(screen.getByLabelText('Résumé hebdomadaire'));
    await userEvent.click(screen.getByLabelText('De … à …'));
    await userEvent.clear(screen.getByLabelText('De'));
    await userEvent.type(screen.getByLabelText('De'), '22:00');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer les préférences' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith('Vos préférences sont enregistrées.'));
    const call = set.mock.calls[0][0];
    expect(call.path).toEqual({ recipientId: 'user-association' });
    expect(call.body).toEqual({
      channels: ['in-app'],
      language: 'ar',
      cadence: 'weekly',
      quietHours: { from: '22:00', to: '08:00' },
    });
    expect(call.headers).not.toHaveProperty('If-Match');
  });

  it('guards a later save with the revision read', async () => {
    signIn(ASSOCIATION);
    set.mockResolvedValueOnce({ data: { revision: 3, position: 12, events: [] } } as never);
    renderForm(2);
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer les préférences' }));
    await vi.waitFor(() => expect(set).toHaveBeenCalled());
    expect(set.mock.calls[0][0].headers).toMatchObject({ 'If-Match': '"2"' });
  });
});
