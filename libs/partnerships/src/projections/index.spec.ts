import { AGREEMENT_CATEGORY } from '../domain/agreement/agreement';
import { PROGRAMME_CATEGORY } from '../domain/programme/programme';
import { PROJECT_CATEGORY } from '../domain/project/project';
import { PROJECT_RESULTS_CATEGORY } from '../domain/results/results';
import { SUPPORT_REQUEST_CATEGORY } from '../domain/support-request/support-request';
import { partnershipsProjections } from './index';

describe('Partnerships projections for the platform', () => {
  it('each has its own name and collections, all prefixed partnerships_, and reads one stream category', () => {
    const names = partnershipsProjections.map((p) => p.name);
    const collections = partnershipsProjections.flatMap((p) => p.collections);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(collections).size).toBe(collections.length);
    for (const collection of collections) expect(collection).toMatch(/^partnerships_[a-z_]+$/);
    expect(partnershipsProjections.map((p) => p.categories)).toEqual([
      [AGREEMENT_CATEGORY],
      [PROGRAMME_CATEGORY],
      [PROJECT_CATEGORY],
      [PROJECT_RESULTS_CATEGORY],
      [SUPPORT_REQUEST_CATEGORY],
    ]);
  });
});
