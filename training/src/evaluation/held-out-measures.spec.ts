import { securityBenignRate } from './security-benign';
import { bandName, bandOf, centroid, nearestTrainingSimilarity } from './similarity-bands';

const v = (pairs: [number, number][]) => ({ indices: Int32Array.from(pairs.map((p) => p[0])), values: Float32Array.from(pairs.map((p) => p[1])) });

describe('similarity to the nearest training template', () => {
  it('is the cosine of template centroids, the best over training templates', () => {
    const training = new Map([
      ['a', [v([[0, 1]]), v([[0, 1]])]],
      ['b', [v([[1, 1]]), v([[2, 1]])]],
    ]);
    const heldOut = new Map([
      ['same-as-a', [v([[0, 1]])]],
      ['half-b', [v([[1, 1]])]],
      ['new', [v([[3, 1]])]],
    ]);
    const sims = nearestTrainingSimilarity(heldOut, training, 4);
    expect(sims.get('same-as-a')).toBeCloseTo(1, 6);
    // b's centroid is (0, 1, 1, 0)/sqrt(2): cosine with e1 is 1/sqrt(2).
    expect(sims.get('half-b')).toBeCloseTo(Math.SQRT1_2, 6);
    expect(sims.get('new')).toBe(0);
    expect([...centroid([v([[0, 3]]), v([[0, 1]])])]).toEqual([[0, 1]]);
  });

  it('buckets similarities into the four bands', () => {
    expect([0.1, 0.3, 0.69, 0.7, 1].map((s) => bandName(bandOf(s)))).toEqual(['< 0.3', '0.3-0.5', '0.5-0.7', '>= 0.7', '>= 0.7']);
  });
});

describe('Security Alert -> benign rate', () => {
  it('counts Security Alert rows answered with a routine label, not other misses or abstentions', () => {
    const gold = ['Security Alert', 'Security Alert', 'Security Alert', 'Security Alert', 'Error'];
    const predicted = ['User Action', 'Critical Error', 'Unclassified', 'Security Alert', 'User Action'];
    expect(securityBenignRate(gold, predicted)).toEqual({ securityAlerts: 4, calledBenign: 1, rate: 0.25, byLabel: { 'User Action': 1 } });
  });
});
