/** One target period of an indicator as the chart draws it (numbers only: qualitative indicators have no chart). */
export interface ChartPeriod {
  label: string;
  target: number;
  /** The approved value the platform computed for the period; null while none is approved. */
  actual: number | null;
}

export interface ChartGeometry {
  width: number;
  height: number;
  padding: { top: number; right: number; bottom: number; left: number };
}

export interface ChartLayout {
  /** The value at the top of the axis: a round number at or above the highest value drawn. */
  max: number;
  ticks: number[];
  /** The value's height on the chart (SVG y grows downwards). */
  y(value: number): number;
  /** The centre of the period's column, from the start edge. */
  x(index: number): number;
  band: number;
}

/** The round step (1, 2 or 5 times a power of ten) that gives about `count` ticks up to `max`. */
export function niceStep(max: number, count = 4): number {
  if (!(max > 0)) return 1;
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= rough);
  return step ?? 10 * power;
}

/**
 * The scales of an indicator's progress chart: one column per target period, the axis from zero
 * (indicator values are never negative) to the first round number at or above the baseline,
 * every target and every approved value.
 */
export function chartLayout(
  baseline: number,
  periods: readonly ChartPeriod[],
  geometry: ChartGeometry,
): ChartLayout {
  const values = [
    baseline,
    ...periods.flatMap((p) => (p.actual === null ? [p.target] : [p.target, p.actual])),
  ];
  const highest = Math.max(0, ...values);
  const step = niceStep(highest);
  const max = highest === 0 ? step : Math.ceil(highest / step) * step;
  const ticks: number[] = [];
  for (let tick = 0; tick <= max + step / 2; tick += step) ticks.push(Number(tick.toFixed(6)));
  const { width, height, padding } = geometry;
  const plotHeight = height - padding.top - padding.bottom;
  const band = (width - padding.left - padding.right) / Math.max(periods.length, 1);
  return {
    max,
    ticks,
    band,
    y: (value) => padding.top + plotHeight * (1 - Math.max(0, Math.min(value, max)) / max),
    x: (index) => padding.left + band * (index + 0.5),
  };
}
