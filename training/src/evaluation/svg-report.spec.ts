import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { computeMetrics } from './metrics';
import { escapeXml, renderEvaluationSvg } from './svg-report';

const labels = ['HTTP Status', 'Error', 'A <b>&"odd"\' label'];
const metrics = computeMetrics({
  gold: ['HTTP Status', 'HTTP Status', 'Error', 'Error', 'A <b>&"odd"\' label'],
  predicted: ['HTTP Status', '(abstained)', 'Error', 'HTTP Status', 'A <b>&"odd"\' label'],
  labels,
});

/** Every text node of the document, in order. */
function texts(svg: string): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '#text') out.push(String(value));
        else walk(value);
      }
    }
  };
  walk(new XMLParser({ preserveOrder: true, ignoreAttributes: true, processEntities: true }).parse(svg));
  return out;
}

describe('evaluation.svg', () => {
  const svg = renderEvaluationSvg({
    title: 'model <x> & "y"',
    subtitle: ['accuracy 60%'],
    matrixCaption: 'test rows',
    barsCaption: 'test rows',
    confusion: metrics.confusion,
    perLabel: metrics.perLabel,
    comparison: { name: 'base', current: 'v1', perLabel: metrics.perLabel.map((m) => ({ ...m, f1: m.f1 / 2 })) },
  });

  it('is well-formed XML whose text names every label, outcome and count', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    const shown = texts(svg);
    expect(shown).toEqual(expect.arrayContaining(['model <x> & "y"', 'HTTP Status', 'Error', 'A <b>&"odd"\' label', '(abstained)']));
    // HTTP Status row: 1 right, 1 abstained; Error row: 1 right, 1 confused as HTTP Status.
    expect(shown.filter((t) => t === '1').length).toBeGreaterThanOrEqual(5);
    expect(shown.some((t) => t.startsWith('F1 per label, test rows: v1 (bar) vs base (grey line)'))).toBe(true);
    expect(shown.some((t) => /^1\.000 {2}\(\+0\.500\)$/.test(t))).toBe(true);
  });

  it('escapes markup in labels instead of emitting it', () => {
    expect(svg).not.toContain('<b>');
    expect(escapeXml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&apos;');
  });
});
