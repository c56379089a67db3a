import { acceptedAt, chooseThreshold } from './threshold';

describe('chooseThreshold', () => {
  // Sorted by confidence: 0.9 ok, 0.8 ok, 0.7 wrong, 0.6 ok, 0.5 wrong.
  const scored = [
    { confidence: 0.6, correct: true },
    { confidence: 0.9, correct: true },
    { confidence: 0.5, correct: false },
    { confidence: 0.8, correct: true },
    { confidence: 0.7, correct: false },
  ];

  it('takes the lowest threshold whose accepted set meets the precision target', () => {
    // Accepting down to 0.6 gives 3/4 = 0.75; down to 0.8 gives 2/2.
    expect(chooseThreshold(scored, 0.75)).toMatchObject({ threshold: 0.6, precision: 0.75, coverage: 0.8, targetMet: true });
    expect(chooseThreshold(scored, 0.9)).toMatchObject({ threshold: 0.8, precision: 1, coverage: 0.4, targetMet: true });
    expect(chooseThreshold(scored, 0.9).method).toMatch(/precision >= 0.9/);
  });

  it('falls back to the most precise threshold when the target is out of reach', () => {
    const bad = [{ confidence: 0.9, correct: false }, { confidence: 0.4, correct: true }];
    const choice = chooseThreshold(bad, 0.95);
    expect(choice).toMatchObject({ threshold: 0.4, precision: 0.5, targetMet: false });
    expect(choice.method).toMatch(/not reachable/);
  });

  it('never splits rows of equal confidence', () => {
    const ties = [{ confidence: 0.7, correct: true }, { confidence: 0.7, correct: false }, { confidence: 0.9, correct: true }];
    expect(chooseThreshold(ties, 0.6).threshold).toBe(0.7);
    expect(acceptedAt(ties, 0.7)).toEqual({ coverage: 1, precision: 2 / 3 });
  });
});
