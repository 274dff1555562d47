import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  agreementAmendmentsControllerSign,
  partnershipAgreementsControllerSign,
} from '../../../api/generated';
import type { ActorView } from '../../../api/generated';
import { renderWithProviders } from '../../../test/render-app';
import { AgreementActions } from './AgreementActions';

vi.mock('../../../api/generated', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../api/generated')>()),
  partnershipAgreementsControllerSign: vi.fn(),
  agreementAmendmentsControllerSign: vi.fn(),
}));
const signOriginal = vi.mocked(partnershipAgreementsControllerSign);
const signAmendment = vi.mocked(agreementAmendmentsControllerSign);

if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => undefined, removeEventListener: () => undefined },
  });

const signedIn = (actor: ActorView) =>
  window.sessionStorage.setItem(
    'tadamon.session',
    JSON.stringify({ token: 't', actor, expiresAt: Date.now() + 3_600_000 }),
  );
const ASSOCIATION: ActorView = {
  id: 'user-association',
  roles: ['association'],
  organisationId: 'assoc-md',
  personId: null,
};
const OFFICER: ActorView = { id: 'user-officer', roles: ['officer'], organisationId: null, personId: null };

const pending = (amendmentId: string | null, awaiting: string[]) => ({
  version: amendmentId ? 2 : 1,
  amendmentId,
  kind: amendmentId ? 'renewal' : 'original',
  signatories: ['actor-ministry', 'assoc-md'],
  signatures: [],
  awaiting,
});

function renderActions(record: Record<string, unknown>, onDone = vi.fn()) {
  renderWithProviders(
    <MemoryRouter>
      <AgreementActions
        agreementId="agreement-1"
        record={record}
        revision={7}
        nameOf={(id) => id}
        onDone={onDone}
        onReload={() => undefined}
      />
    </MemoryRouter>,
  );
  return onDone;
}

afterEach(() => {
  window.sessionStorage.clear();
  vi.clearAllMocks();
});

describe('the actions of an agreement', () => {
  it('lets the association sign version 1 for its own organisation, guarded by the revision it read', async () => {
    signedIn(ASSOCIATION);
    signOriginal.mockResolvedValueOnce({ data: { revision: 8 } } as never);
    const onDone = renderActions({
      status: 'negotiation',
      pending: pending(null, ['actor-ministry', 'assoc-md']),
    });
    await userEvent.click(await screen.findByRole('button', { name: /Signer pour mon organisation/ }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith('La signature est enregistrée.'));
    const call = signOriginal.mock.calls[0][0];
    expect(call.path).toEqual({ agreementId: 'agreement-1' });
    expect(call.body).toEqual({ signedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(call.headers).toMatchObject({ 'If-Match': '"7"' });
    expect(signAmendment).not.toHaveBeenCalled();
  });

  it('shows the association nothing to sign once it signed, and no officer action', () => {
    signedIn(ASSOCIATION);
    renderActions({ status: 'negotiation', pending: pending(null, ['actor-ministry']) });
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('lets the officer record the last signature of a renewal for the party still to sign: the agreement is in force again', async () => {
    signedIn(OFFICER);
    signAmendment.mockResolvedValueOnce({ data: { revision: 9 } } as never);
    const onDone = renderActions({ status: 'in-force', pending: pending('renewal-1', ['assoc-md']) });
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer une signature' }));
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer la signature' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith('La convention est en vigueur.'));
    expect(signAmendment.mock.calls[0][0]).toMatchObject({
      path: { agreementId: 'agreement-1', amendmentId: 'renewal-1' },
      body: { partyId: 'assoc-md' },
    });
    // While a renewal awaits signatures, no other amendment is offered; it may be withdrawn.
    expect(screen.queryByRole('button', { name: 'Renouveler' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Retirer la version en attente' })).toBeTruthy();
  });

  it('offers the officer the steps of an agreement in force, and resuming only once suspended', () => {
    signedIn(OFFICER);
    renderActions({ status: 'in-force', pending: null });
    for (const name of [
      'Renouveler',
      'Proposer un avenant',
      'Suspendre',
      'Résilier',
      'Constater l’exécution',
    ])
      expect(screen.getByRole('button', { name })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Soumettre à la signature' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reprendre' })).toBeNull();
  });
});
