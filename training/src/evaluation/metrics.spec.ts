import { renderClassificationReport } from './classification-report';
import { abbreviations, renderConfusionMatrix } from './confusion-matrix';
import { computeMetrics } from './metrics';

// Hand-checked example (see the comments for the arithmetic).
const labels = ['A', 'B', 'C'];
const gold = ['A', 'A', 'A', 'B', 'B', 'C'];
const predicted = ['A', 'A', 'B', 'B', '(abstained)', 'A'];

describe('computeMetrics', () => {
  const m = computeMetrics({ gold, predicted, labels });

  it('counts abstentions as misses for accuracy, and separately reports coverage', () => {
    expect(m.correct).toBe(3);
    expect(m.accuracy).toBeCloseTo(3 / 6);
    expect(m.coverage).toBeCloseTo(5 / 6);
    expect(m.accuracyWhenDecided).toBeCloseTo(3 / 5);
  });

  it('computes per-label precision, recall, F1 and support', () => {
    const [a, b, c] = m.perLabel;
    // A: predicted A at 0,1,5 (2 right) of 3 gold A.
    expect(a).toMatchObject({ label: 'A', support: 3, predicted: 3 });
    expect(a.precision).toBeCloseTo(2 / 3);
    expect(a.recall).toBeCloseTo(2 / 3);
    expect(a.f1).toBeCloseTo(2 / 3);
    // B: predicted B at 2,3 (1 right) of 2 gold B (one abstained).
    expect(b.precision).toBeCloseTo(0.5);
    expect(b.recall).toBeCloseTo(0.5);
    // C: never predicted.
    expect(c).toMatchObject({ precision: 0, recall: 0, f1: 0, support: 1, predicted: 0 });
  });

  it('averages F1 over labels (macro) and by support (weighted)', () => {
    expect(m.macroF1).toBeCloseTo((2 / 3 + 0.5 + 0) / 3);
    expect(m.weightedF1).toBeCloseTo((3 * (2 / 3) + 2 * 0.5) / 6);
  });

  it('builds the confusion matrix with outcomes as extra columns and unknown gold labels as extra rows', () => {
    expect(m.confusion.columns).toEqual(['A', 'B', 'C', '(abstained)']);
    expect(m.confusion.counts).toEqual([
      [2, 1, 0, 0],
      [0, 1, 0, 1],
      [1, 0, 0, 0],
    ]);
    const withUnknown = computeMetrics({ gold: ['A', 'Weird'], predicted: ['A', 'A'], labels });
    expect(withUnknown.confusion.rows).toEqual(['A', 'B', 'C', 'Weird']);
    expect(withUnknown.accuracy).toBeCloseTo(0.5);
  });

  it('refuses mismatched lengths', () => {
    expect(() => computeMetrics({ gold: ['A'], predicted: [], labels })).toThrow(/1 gold labels but 0/);
  });
});

describe('rendering', () => {
  const m = computeMetrics({ gold, predicted, labels });

  it('prints an aligned confusion matrix with a legend', () => {
    const text = renderConfusionMatrix(m.confusion);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^gold \\ predicted\s+A\s+B\s+C\s+abst\s+total$/);
    expect(lines[1]).toMatch(/^A\s+2\s+1\s+\.\s+\.\s+3$/);
    // Every table line has the same width: the columns line up.
    expect(new Set(lines.slice(0, 4).map((l) => l.length)).size).toBe(1);
    expect(text).toContain('abst = (abstained)');
  });

  it('abbreviates long label names uniquely', () => {
    const codes = abbreviations(['System Notification', 'Security Notice', 'Error']);
    expect([...codes.values()]).toEqual(['SN', 'SN2', 'Erro']);
  });

  it('prints a per-label report with accuracy and macro F1', () => {
    const text = renderClassificationReport(m);
    expect(text).toMatch(/^A\s+0\.667\s+0\.667\s+0\.667\s+3$/m);
    expect(text).toMatch(/^accuracy\s+0\.500\s+6$/m);
    expect(text).toMatch(/^macro avg\s+0\.389\s+6$/m);
  });
});
