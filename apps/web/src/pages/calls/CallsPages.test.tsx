import { QueryClient } from '@tanstack/react-query';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callQuery, openCallsQuery } from '../../api/queries';
import { plain } from '../../test/portal-answers';
import { renderRoute } from '../../test/render-app';

const CALL = {
  callId: 'call-2027-water',
  status: 'published',
  title: { ar: 'الماء في الجهات', fr: "L'eau dans les régions", en: 'Water in the regions' },
  summary: { ar: 'مشاريع الماء', fr: "Projets d'eau potable", en: 'Drinking-water projects' },
  budget: { amountMinor: 500000000, currency: 'MAD' },
  deadline: '2027-03-31T22:59:00Z',
  awardCriteria: {
    criteria: [
      { criterionId: 'impact', name: { ar: 'الأثر', fr: 'Impact', en: 'Impact' }, weight: 60, threshold: 0 },
      { criterionId: 'cost', name: { ar: 'الكلفة', fr: 'Coût', en: 'Cost' }, weight: 40, threshold: 0 },
    ],
    overallThreshold: 50,
  },
};

function answered(): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  client.setQueryData(openCallsQuery(1).queryKey, { items: [CALL], total: 1, page: 1, pageSize: 20 });
  client.setQueryData(callQuery(CALL.callId).queryKey, CALL);
  return client;
}

describe('the open calls for proposals', () => {
  it('lists for a French reader each open call with its budget and its deadline in Casablanca, linked to its page', async () => {
    renderRoute('/calls', ['fr-FR'], answered());
    const call = await screen.findByRole('article');
    const link = within(call).getByRole('link', { name: "L'eau dans les régions" });
    expect(link.getAttribute('href')).toBe('/calls/call-2027-water');
    expect(plain(within(call).getByText(/Budget/).textContent)).toBe(
      'Budget : 5.000.000,00 MAD · Date limite : 31 mars 2027 à 23:59',
    );
  });

  it('shows an Arabic reader a call’s page: title, budget and award criteria with their weights', async () => {
    renderRoute('/calls/call-2027-water', ['ar'], answered());
    expect(await screen.findByRole('heading', { level: 1, name: 'الماء في الجهات' })).toBeTruthy();
    expect(plain(screen.getByText(/الميزانية/).textContent)).toBe('الميزانية: ٥٬٠٠٠٬٠٠٠٫٠٠ د.م.');
    const criteria = within(screen.getByRole('region', { name: 'معايير المنح' }));
    expect(
      criteria
        .getAllByRole('row')
        .slice(1)
        .map((row) => plain(row.textContent)),
    ).toEqual(['الأثر٦٠٪', 'الكلفة٤٠٪']);
  });
});
