import { describe, expect, it } from 'vitest';
import { mapScale, NO_FIGURE_COLOUR } from './map-scale';

describe('the map’s scale', () => {
  it('gives zero its own colour and one step per value when the figures are small', () => {
    const scale = mapScale([0, 3, 1]);
    expect(scale.steps.map((s) => [s.from, s.to])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(scale.colourOf(0)).toBe(NO_FIGURE_COLOUR);
    expect(new Set([1, 2, 3].map(scale.colourOf)).size).toBe(3);
  });

  it('cuts large figures into at most five ranges that reach the largest', () => {
    const scale = mapScale([0, 12, 480]);
    expect(scale.steps.map((s) => [s.from, s.to])).toEqual([
      [0, 0],
      [1, 96],
      [97, 192],
      [193, 288],
      [289, 384],
      [385, 480],
    ]);
    expect(scale.colourOf(480)).toBe(scale.steps[5].colour);
  });

  it('has only the zero step when nothing is counted', () => {
    expect(mapScale([0, 0]).steps).toEqual([{ from: 0, to: 0, colour: NO_FIGURE_COLOUR }]);
  });
});
