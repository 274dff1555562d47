import { describe, expect, it } from 'vitest';
import { parsePoints, scoresBody } from './score-sheet';

describe('the score sheet’s body', () => {
  it('reads whole points in Latin or Arabic-Indic digits', () => {
    expect(parsePoints('75')).toBe(75);
    expect(parsePoints(' ٨٥ ')).toBe(85);
    expect(parsePoints('۱۰۰')).toBe(100);
    expect(parsePoints('150')).toBe(150);
  });

  it('leaves what is not whole points to the platform (NaN, sent as null)', () => {
    expect(parsePoints('')).toBeNaN();
    expect(parsePoints('7.5')).toBeNaN();
    expect(JSON.parse(JSON.stringify(scoresBody(['a'], {}))).scores[0].points).toBeNull();
  });

  it('gives one score per criterion in the call’s order, out-of-range points as typed', () => {
    const body = scoresBody(['relevance', 'feasibility'], {
      feasibility: { points: '80', comment: ' Budget réaliste. ' },
      relevance: { points: '150', comment: 'Besoin avéré.' },
    });
    expect(body).toEqual({
      scores: [
        { criterionId: 'relevance', points: 150, comment: 'Besoin avéré.' },
        { criterionId: 'feasibility', points: 80, comment: 'Budget réaliste.' },
      ],
    });
  });
});
