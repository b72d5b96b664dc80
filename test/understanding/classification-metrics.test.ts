import { describe, expect, it } from 'vitest';
import { summarizeClassification } from '../../src/understanding/classification-metrics.js';
import type { Classification } from '../../src/understanding/classification.js';

const predicted = (category: Classification['category'], dispute = false, urgent = false): Classification => ({
  category,
  confidence: 0.9,
  dispute,
  urgent,
});

describe('summarizeClassification', () => {
  it('counts a prediction of the alternative category as right', () => {
    const figures = summarizeClassification(
      [
        { category: 'land_homestead', alt: 'expropriation', dispute: true, urgent: false },
        { category: 'criminal', dispute: false, urgent: true },
        { category: 'labor_wages', dispute: true, urgent: false },
      ],
      [predicted('expropriation', true), predicted('criminal', false, true), predicted('debt_contract')],
    );
    expect(figures.accuracy).toBeCloseTo(2 / 3);
    expect(figures.confusion.expropriation.expropriation).toBe(1);
    expect(figures.confusion.labor_wages.debt_contract).toBe(1);
    expect(figures.perCategory.labor_wages.recall).toBe(0);
    expect(figures.dispute).toMatchObject({ precision: 1, recall: 0.5, falseNegatives: 1 });
    expect(figures.urgent).toMatchObject({ precision: 1, recall: 1 });
  });
});
