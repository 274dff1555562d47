import { describe, expect, it } from 'vitest';
import { rankedCandidates } from './match-reasons';

const matches = {
  needId: 'need-water-tafraout',
  associations: [
    {
      id: 'assoc-amis-tiznit',
      score: 65,
      reasons: [
        {
          code: 'same-province',
          points: 40,
          text: { ar: 'نفس الإقليم', fr: 'Même province', en: 'Same province' },
        },
        { code: 'same-sector', points: 25, text: { fr: 'Même secteur' } },
      ],
    },
  ],
  funders: [],
};

describe('the matches of a need', () => {
  it('gives each candidate its score and its reasons in the reader’s language, else in French', () => {
    expect(rankedCandidates(matches, 'associations', 'ar')).toEqual([
      {
        id: 'assoc-amis-tiznit',
        score: 65,
        reasons: [
          { code: 'same-province', points: 40, text: 'نفس الإقليم' },
          { code: 'same-sector', points: 25, text: 'Même secteur' },
        ],
      },
    ]);
    expect(rankedCandidates(matches, 'funders', 'fr')).toEqual([]);
    expect(rankedCandidates(undefined, 'associations', 'fr')).toEqual([]);
  });
});
