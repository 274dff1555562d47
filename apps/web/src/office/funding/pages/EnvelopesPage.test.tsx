import { QueryClient } from '@tanstack/react-query';
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plain } from '../../../test/portal-answers';
import { renderRoute } from '../../../test/render-app';
import { envelopesQuery } from '../queries';

const ENVELOPE = {
  envelopeId: 'envelope-icmd',
  programmeId: 'programme-icmd',
  funderId: 'actor-iom',
  name: { ar: 'المبادرة المشتركة', fr: 'Initiative conjointe', en: 'Joint initiative' },
  amount: { amountMinor: 50000000, currency: 'USD' },
  committed: { amountMinor: 50000000, currency: 'USD' },
  disbursed: { amountMinor: 25000000, currency: 'USD' },
  remaining: { amountMinor: 0, currency: 'USD' },
  status: 'open',
  period: { start: '2014-01-01', end: '2015-12-31' },
  commitments: 2,
};

const signedIn = (roles: string[]) =>
  window.sessionStorage.setItem(
    'tadamon.session',
    JSON.stringify({
      token: 'token',
      actor: { id: 'user-officer', roles, organisationId: null, personId: null },
      expiresAt: Date.now() + 3_600_000,
    }),
  );

function answered(): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  client.setQueryData(envelopesQuery(1).queryKey, { items: [ENVELOPE], total: 1, page: 1, pageSize: 20 });
  return client;
}

describe('the officer’s budget envelopes', () => {
  beforeEach(() => signedIn(['officer']));
  afterEach(() => window.sessionStorage.clear());

  it('show a French officer each envelope’s amount, committed, disbursed and remaining, with its bar named by them', async () => {
    renderRoute('/office/funding', ['fr-FR'], answered());
    const link = await screen.findByRole('link', { name: 'Initiative conjointe' });
    expect(link.getAttribute('href')).toBe('/office/funding/envelopes/envelope-icmd');
    const row = link.closest('tr') as HTMLElement;
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => plain(cell.textContent));
    expect(cells.slice(1, 5)).toEqual(['500.000,00 $US', '500.000,00 $US', '250.000,00 $US', '0,00 $US']);
    expect(plain(within(row).getByRole('img').getAttribute('aria-label'))).toBe(
      'Montant 500.000,00 $US : versé 250.000,00 $US, engagé 500.000,00 $US, reste 0,00 $US',
    );
  });

  it('are not shown to another role: the platform would answer 403', async () => {
    signedIn(['association']);
    renderRoute('/office/funding', ['ar'], answered());
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('غير مسموح');
    expect(screen.queryByRole('link', { name: 'المبادرة المشتركة' })).toBeNull();
  });
});
