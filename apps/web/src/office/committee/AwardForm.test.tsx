import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { decisionsControllerAward } from '../../api/generated';
import { renderWithProviders } from '../../test/render-app';
import { AwardForm } from './AwardForm';

vi.mock('../../api/generated', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../api/generated')>()),
  decisionsControllerAward: vi.fn(),
}));
const award = vi.mocked(decisionsControllerAward);

// jsdom has no FontFaceSet; Mantine's autosizing Textarea listens to it.
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => undefined, removeEventListener: () => undefined },
  });

const MAD = (amountMinor: number) => ({ amountMinor, currency: 'MAD' });

describe('the award form', () => {
  it('offers the derogation fields when the platform answers OUTSIDE_FUNDED_SET, then awards and reports the envelope left after', async () => {
    award.mockRejectedValueOnce({
      type: 'urn:tadamon:problem:conflict',
      title: 'Conflict',
      status: 409,
      code: 'OUTSIDE_FUNDED_SET',
      detail: 'La demande est hors de l’ensemble financé (rang 3).',
      errors: [{ pointer: '/derogation', detail: 'une dérogation est requise' }],
    });
    award.mockResolvedValueOnce({
      data: {
        revision: 12,
        position: 40,
        events: ['FundsCommitted', 'GrantAwarded'],
        envelope: {
          envelopeId: 'env-1',
          remainingBefore: MAD(500_000_000),
          remainingAfter: MAD(200_000_000),
        },
      },
    } as never);
    const user = userEvent.setup({ delay: null });
    const onAwarded = vi.fn();
    renderWithProviders(
      <MemoryRouter>
        <AwardForm
          applicationId="application-1"
          callId="call-1"
          revision={11}
          currency="MAD"
          envelopeRemaining={MAD(500_000_000)}
          outsideFundedSet={false}
          callerId="user-committee"
          onAwarded={onAwarded}
        />
      </MemoryRouter>,
    );
    expect(screen.queryByLabelText(/Motif de la dérogation/)).toBeNull();
    await user.type(screen.getByLabelText(/Motivation/), 'Projet prioritaire.');
    await user.click(screen.getByRole('button', { name: 'Attribuer la subvention' }));

    expect(await screen.findByText('La demande est hors de l’ensemble financé (rang 3).')).toBeTruthy();
    expect(await screen.findByText('une dérogation est requise')).toBeTruthy();
    expect(award.mock.calls[0][0].headers).toMatchObject({ 'If-Match': '"11"' });
    expect(award.mock.calls[0][0].body).not.toHaveProperty('derogation');

    await user.type(screen.getByLabelText(/Motif de la dérogation/), 'Seul projet de la province.');
    await user.click(screen.getByRole('button', { name: 'Attribuer la subvention' }));
    await vi.waitFor(() =>
      expect(onAwarded).toHaveBeenCalledWith({ before: MAD(500_000_000), after: MAD(200_000_000) }),
    );
    expect(award.mock.calls[1][0].body?.derogation).toEqual({
      reason: 'Seul projet de la province.',
      committeeMembers: ['user-committee'],
    });
  }, 45_000);
});
