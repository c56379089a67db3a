import { GapIndex } from './gap-index';
import { fitsGap, gapAnchors } from './gap-slots';
import { shapeOf } from './template-shape';
import { tokenise } from './tokens';

const marksOf = (template: string): Uint8Array => shapeOf(tokenise(template)).marks;

function indexOf(...templates: string[]): GapIndex<string> {
  const index = new GapIndex<string>();
  for (const t of templates) index.add(t, tokenise(t), marksOf(t));
  return index;
}

const noMeaning = (): boolean => false;

describe('gapAnchors', () => {
  it('are the first and last wording only an equal token fits: not wildcards, key=<*> or a masked quoted value', () => {
    const template = '<TS> Saved crash report for <*> version <NUM> tag=<QUOTED>';
    expect(gapAnchors(tokenise(template), marksOf(template))).toEqual([1, 6]);
    const none = 'user=<*> tag=<QUOTED>';
    expect(gapAnchors(tokenise(none), marksOf(none))).toBeUndefined();
  });
});

describe('GapIndex', () => {
  const crash = 'Saved crash report for <*> version <NUM> to <PATH>';
  const swap = 'low swap: killing process <*> and size <SIZE>';

  it('offers a template to a longer line that holds its first anchor in place (the gap after it)', () => {
    const line = tokenise('Saved crash report for Google Chrome version <NUM> to <PATH>');
    expect([...indexOf(crash, swap).mayFit(line, 1)]).toEqual([crash]);
    expect(fitsGap(tokenise(crash), shapeOf(tokenise(crash)).wording, line, noMeaning)).toBe(true);
  });

  it('offers a template to a longer line that holds its last anchor shifted by the extra tokens (the gap before it)', () => {
    const template = '<*> crashed with signal <NUM> in thread main';
    const line = tokenise('Google Chrome Helper crashed with signal <NUM> in thread main');
    expect([...indexOf(template, crash).mayFit(line, 2)]).toEqual([template]);
    expect(fitsGap(tokenise(template), shapeOf(tokenise(template)).wording, line, noMeaning)).toBe(true);
  });

  it('offers nothing to a line holding neither anchor where a gap would leave it', () => {
    expect([...indexOf(crash).mayFit(tokenise('Wrote crash report for Google Chrome version <NUM> into <PATH>'), 1)]).toEqual([]);
  });

  it('offers a template without anchors to every line, and forgets a removed template', () => {
    const unanchored = 'user=<*> tag=<QUOTED> id=<*>';
    const index = indexOf(unanchored, crash);
    expect([...index.mayFit(tokenise('anything at all here now'), 1)]).toEqual([unanchored]);
    index.remove(crash, tokenise(crash), marksOf(crash));
    index.remove(unanchored, tokenise(unanchored), marksOf(unanchored));
    expect([...index.mayFit(tokenise('Saved crash report for Google Chrome version <NUM> to <PATH>'), 1)]).toEqual([]);
  });
});
