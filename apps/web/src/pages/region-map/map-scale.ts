/** Mantine's blue 1, 3, 5, 7, 9: light to dark, as figures grow. No figure at all: gray 1. */
export const NO_FIGURE_COLOUR = '#f1f3f5';
const COLOURS = ['#d0ebff', '#74c0fc', '#339af0', '#1c7ed6', '#1864ab'];

export interface ScaleStep {
  from: number;
  to: number;
  colour: string;
}

/**
 * The legend's steps for the figures on the map: zero apart, then up to five equal ranges of
 * whole numbers up to the largest figure (one step per value when the figures are small).
 */
export function mapScale(values: readonly number[]): { steps: ScaleStep[]; colourOf(value: number): string } {
  const max = Math.max(0, ...values);
  const width = Math.max(1, Math.ceil(max / COLOURS.length));
  const steps: ScaleStep[] = [{ from: 0, to: 0, colour: NO_FIGURE_COLOUR }];
  for (let i = 0, from = 1; from <= max; i++, from += width)
    steps.push({
      from,
      to: Math.min(max, from + width - 1),
      colour: COLOURS[i] ?? COLOURS[COLOURS.length - 1],
    });
  return {
    steps,
    colourOf: (value) => steps.find((s) => value >= s.from && value <= s.to)?.colour ?? NO_FIGURE_COLOUR,
  };
}
