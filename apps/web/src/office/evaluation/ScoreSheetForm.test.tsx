import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { evaluationsControllerScore } from '../../api/generated';
import { renderWithProviders } from '../../test/render-app';
import { ScoreSheetForm } from './ScoreSheetForm';

vi.mock('../../api/generated', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../api/generated')>()),
  evaluationsControllerScore: vi.fn(),
}));
const score = vi.mocked(evaluationsControllerScore);

// jsdom has no FontFaceSet; Mantine's autosizing Textarea listens to it.
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => undefined, removeEventListener: () => undefined },
  });

const CRITERIA = [
  { criterionId: 'relevance', name: { fr: 'Pertinence', ar: 'الملاءمة' }, weight: 60, threshold: 50 },
  {
    criterionId: 'feasibility',
    name: { fr: 'Faisabilité', ar: 'قابلية الإنجاز' },
    weight: 40,
    threshold: 40,
  },
];

describe('the score sheet', () => {
  beforeEach(() => score.mockReset());

  it('sends every criterion’s points and comment, and shows the platform’s field error next to that criterion', async () => {
    score.mockRejectedValueOnce({
      type: 'urn:tadamon:problem:validation',
      title: 'Invalid',
      status: 400,
      errors: [{ pointer: '/scores/0/points', detail: 'ne doit pas dépasser 100' }],
    });
    const user = userEvent.setup({ delay: null });
    const onScored = vi.fn();
    renderWithProviders(
      <MemoryRouter>
        <ScoreSheetForm applicationId="application-1" criteria={CRITERIA} onScored={onScored} />
      </MemoryRouter>,
    );
    await user.type(screen.getByLabelText(/Points \(0 à 100\) — Pertinence/), '150');
    await user.type(screen.getByLabelText(/Commentaire — Pertinence/), 'Besoin avéré.');
    await user.type(screen.getByLabelText(/Points \(0 à 100\) — Faisabilité/), '80');
    await user.type(screen.getByLabelText(/Commentaire — Faisabilité/), 'Budget réaliste.');
    await user.click(screen.getByRole('button', { name: 'Envoyer mes notes' }));

    const relevance = within(screen.getByRole('group', { name: /Pertinence/ }));
    expect(await relevance.findByText('ne doit pas dépasser 100')).toBeTruthy();
    expect(
      within(screen.getByRole('group', { name: /Faisabilité/ })).queryByText('ne doit pas dépasser 100'),
    ).toBeNull();
    expect(score.mock.calls[0][0].body).toEqual({
      scores: [
        { criterionId: 'relevance', points: 150, comment: 'Besoin avéré.' },
        { criterionId: 'feasibility', points: 80, comment: 'Budget réaliste.' },
      ],
    });
    expect(score.mock.calls[0][0].headers).toHaveProperty('Idempotency-Key');
    expect(onScored).not.toHaveBeenCalled();

    score.mockResolvedValueOnce({
      data: { revision: 9, position: 12, events: ['EvaluatorScoresRecorded'] },
    } as never);
    await user.clear(screen.getByLabelText(/Points \(0 à 100\) — Pertinence/));
    await user.type(screen.getByLabelText(/Points \(0 à 100\) — Pertinence/), '75');
    await user.click(screen.getByRole('button', { name: 'Envoyer mes notes' }));
    await vi.waitFor(() => expect(onScored).toHaveBeenCalledTimes(1));
    expect(score.mock.calls[1][0].body?.scores[0].points).toBe(75);
  }, 45_000);
});
