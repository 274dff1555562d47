import { describe, expect, it } from 'vitest';
import { dateTimeFormat, displayNames, numberFormat } from './intl-cache';

describe('Intl formatters, built once per locale and options', () => {
  it('gives the same formatter again for the same locale and options, another for others', () => {
    expect(numberFormat('fr-MA')).toBe(numberFormat('fr-MA'));
    expect(numberFormat('fr-MA', { style: 'percent' })).toBe(numberFormat('fr-MA', { style: 'percent' }));
    expect(numberFormat('fr-MA', { style: 'percent' })).not.toBe(numberFormat('fr-MA'));
    expect(numberFormat('ar-MA-u-nu-arab')).not.toBe(numberFormat('fr-MA'));
    expect(dateTimeFormat('fr-MA', { dateStyle: 'long' })).toBe(
      dateTimeFormat('fr-MA', { dateStyle: 'long' }),
    );
    expect(displayNames('fr', { type: 'region' })).not.toBe(displayNames('ar', { type: 'region' }));
  });

  it('formats as the formatter of its locale and options does', () => {
    expect(numberFormat('ar-MA-u-nu-arab').format(1234)).toBe(
      new Intl.NumberFormat('ar-MA-u-nu-arab').format(1234),
    );
    expect(displayNames('fr', { type: 'region' }).of('BE')).toBe('Belgique');
  });

  it('throws for a malformed locale, as Intl does, and keeps nothing', () => {
    expect(() => displayNames('not a locale', { type: 'region' })).toThrow(RangeError);
    expect(() => displayNames('not a locale', { type: 'region' })).toThrow(RangeError);
  });
});
