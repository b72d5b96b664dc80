import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/understanding/category.js';
import { DEFAULT_MODEL_FILE, loadClassifierModel } from '../../src/understanding/classifier-model.js';
import { createClassifier } from '../../src/understanding/create-classifier.js';
import { trainClassifierModel } from '../../src/understanding/train-classifier-model.js';

describe('the stored classifier model', () => {
  it('is a valid model of every category and stays small', () => {
    const model = loadClassifierModel();
    expect(model.categories).toEqual([...CATEGORIES]);
    expect(model.category.bias).toHaveLength(CATEGORIES.length);
    // Trained on 2,329 real questions it holds about 2.3 MB of weights; it is parsed once at start-up.
    expect(statSync(DEFAULT_MODEL_FILE).size).toBeLessThan(3 * 1024 * 1024);
  });

  it('refuses a file that is not a model, naming it', () => {
    expect(() => loadClassifierModel(new URL('../../package.json', import.meta.url))).toThrow(/package\.json/);
  });
});

describe('trainClassifierModel', () => {
  it('learns categories and disputes from labelled questions', () => {
    const model = trainClassifierModel(
      [
        { text: '鱼塘承包到期了村里要收回', category: 'land_homestead', dispute: true },
        { text: '承包的鱼塘村里不让续了', category: 'land_homestead', dispute: true },
        { text: '股东会议怎么开', category: 'other', dispute: false },
        { text: '股东会议的决议有效吗', category: 'other', dispute: false },
      ],
      { epochs: 60, disputeThreshold: 0.5 },
    );
    const classifier = createClassifier(model);
    expect(classifier.classify('鱼塘被村里收回').category).toBe('land_homestead');
    expect(classifier.classify('股东会议决议').category).toBe('other');
  });
});
