import { describe, expect, it } from 'vitest';
import { updateValue } from './update-form';

describe('the value an officer or the association types for an update', () => {
  it('is a number for a counted indicator, in French or Arabic digits', () => {
    expect(updateValue('410', 'unit')).toBe(410);
    expect(updateValue(' 1 250 ', 'unit')).toBe(1250);
    expect(updateValue('٤١٠', 'unit')).toBe(410);
    expect(updateValue('62,5', 'percentage')).toBe(62.5);
  });

  it('is refused for a counted indicator when it is not a number', () => {
    expect(updateValue('beaucoup', 'unit')).toBeNull();
    expect(updateValue('', 'percentage')).toBeNull();
  });

  it('is the text itself for a qualitative indicator', () => {
    expect(updateValue(' plan adopté ', 'qualitative')).toBe('plan adopté');
    expect(updateValue('  ', 'qualitative')).toBeNull();
  });
});
