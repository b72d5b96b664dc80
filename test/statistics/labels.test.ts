import { describe, expect, it } from 'vitest';
import { daysLabel } from '../../src/statistics/labels.js';

describe('daysLabel', () => {
  it('gives a median duration in days with one decimal, never in hours', () => {
    expect(daysLabel(195.8)).toBe('8.2天');
    expect(daysLabel(156)).toBe('6.5天');
    expect(daysLabel(24)).toBe('1.0天');
    expect(daysLabel(5)).toBe('0.2天');
  });

  it('says “under a tenth of a day” rather than 0.0天, and — when there is no figure', () => {
    expect(daysLabel(1)).toBe('不到0.1天');
    expect(daysLabel(0)).toBe('不到0.1天');
    expect(daysLabel(null)).toBe('—');
  });
});
