import { describe, expect, it } from 'vitest';
import { chartLayout, niceStep } from './progress-chart';

const geometry = { width: 400, height: 200, padding: { top: 10, right: 10, bottom: 30, left: 50 } };

describe('the scales of an indicator’s progress chart', () => {
  it('steps the axis by 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(450)).toBe(200);
    expect(niceStep(100)).toBe(50);
    expect(niceStep(7)).toBe(2);
    expect(niceStep(0)).toBe(1);
  });

  it('tops the axis with a round number above the highest target or approved value', () => {
    const layout = chartLayout(
      0,
      [
        { label: '2015', target: 120, actual: 110 },
        { label: '2016', target: 300, actual: 395 },
        { label: '2017', target: 450, actual: null },
      ],
      geometry,
    );
    expect(layout.max).toBe(600);
    expect(layout.ticks).toEqual([0, 200, 400, 600]);
  });

  it('puts zero on the bottom edge, the top of the axis on the top edge, and values between', () => {
    const layout = chartLayout(0, [{ label: '2017', target: 100, actual: 50 }], geometry);
    expect(layout.y(0)).toBe(170);
    expect(layout.y(layout.max)).toBe(10);
    expect(layout.y(50)).toBe(170 - (160 * 50) / layout.max);
  });

  it('centres each period in its own column, from the start edge', () => {
    const layout = chartLayout(
      0,
      [
        { label: 'a', target: 1, actual: null },
        { label: 'b', target: 1, actual: null },
      ],
      geometry,
    );
    expect(layout.band).toBe(170);
    expect(layout.x(0)).toBe(135);
    expect(layout.x(1)).toBe(305);
  });

  it('counts the baseline in the axis even above every target (a descending indicator)', () => {
    const layout = chartLayout(80, [{ label: '2017', target: 20, actual: 35 }], geometry);
    expect(layout.max).toBe(80);
    expect(layout.ticks).toEqual([0, 20, 40, 60, 80]);
    expect(layout.y(80)).toBeLessThan(layout.y(35));
  });
});
