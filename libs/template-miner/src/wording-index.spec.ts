import { shapeOf } from './template-shape';
import { tokenise } from './tokens';
import { WordingIndex } from './wording-index';

function indexOf(...templates: string[]): WordingIndex<string> {
  const index = new WordingIndex<string>();
  for (const t of templates) index.add(t, tokenise(t), shapeOf(tokenise(t)).marks);
  return index;
}

describe('WordingIndex', () => {
  it('offers the templates that share the most words with a line at the same positions first', () => {
    const index = indexOf('Connection closed by <IP> port <NUM>', 'Connection reset by <IP> port <NUM>', 'Disk full on <PATH> now ok');
    expect(index.candidates(tokenise('Connection closed by <IP> port <NUM>'), 10)).toEqual(['Connection closed by <IP> port <NUM>', 'Connection reset by <IP> port <NUM>']);
    expect(index.candidates(tokenise('Connection closed by <IP> port <NUM>'), 1)).toEqual(['Connection closed by <IP> port <NUM>']);
    // A placeholder is no wording: sharing only <IP> makes no candidate.
    expect(index.candidates(tokenise('Lost lease of <IP> to <NUM> ok'), 10)).toEqual([]);
  });

  it('finds a template whatever word starts the line (a value where its first word was)', () => {
    const index = indexOf('bob : TTY=pts/<NUM> ; PWD=<PATH> ; USER=root');
    expect(index.candidates(tokenise('alice : TTY=pts/<NUM> ; PWD=<PATH> ; USER=root'), 10)).toEqual(['bob : TTY=pts/<NUM> ; PWD=<PATH> ; USER=root']);
  });

  it('falls back to the rarest common word when every shared word is common', () => {
    const index = new WordingIndex<number>();
    for (let n = 0; n < 600; n++) {
      const t = `the job ${'x'.repeat(1 + (n % 7))}${n}a done`;
      index.add(n, tokenise(t), shapeOf(tokenise(t)).marks);
    }
    // `the` and `done` are held by 600 templates each: skipped as postings, yet the line gets candidates.
    expect(index.candidates(tokenise('the task zzz done'), 5)).toHaveLength(5);
  });

  it('lists the templates a template can cover: those holding all its words, not its key=<*> positions', () => {
    const index = indexOf('login user=bob ok', 'login user=eve ok', 'logout user=bob ok');
    const template = tokenise('login user=<*> ok');
    expect(index.holdingAll(template, shapeOf(template).marks).sort()).toEqual(['login user=bob ok', 'login user=eve ok']);
  });

  it('keeps the most shared first, ties in the order counted, when more templates share words than it returns', () => {
    const index = new WordingIndex<number>();
    for (let n = 0; n < 40; n++) {
      // Every template shares `job`; every third one `nightly` too; templates 30 and 33 share `done` as well.
      const t = `job ${n % 3 === 0 ? 'nightly' : 'weekly'} run${n} ${n === 30 || n === 33 ? 'done' : 'late'}`;
      index.add(n, tokenise(t), shapeOf(tokenise(t)).marks);
    }
    expect(index.candidates(tokenise('job nightly runX done'), 5)).toEqual([30, 33, 0, 3, 6]);
  });

  it('lists the templates holding two words at two positions', () => {
    const index = indexOf('disk sda full on host', 'disk sdb full on host', 'disk sda empty on host');
    expect(index.holdingBoth(0, 'disk ', 2, 'full ')).toEqual(['disk sda full on host', 'disk sdb full on host']);
    expect(index.holdingBoth(1, 'sda ', 1, 'sda ')).toEqual(['disk sda full on host', 'disk sda empty on host']);
    expect(index.holdingBoth(0, 'disk ', 2, 'gone ')).toEqual([]);
  });

  it('forgets a removed template', () => {
    const index = indexOf('Connection closed by <IP>', 'Connection reset by <IP>');
    const gone = tokenise('Connection closed by <IP>');
    index.remove('Connection closed by <IP>', gone, shapeOf(gone).marks);
    expect(index.candidates(gone, 10)).toEqual(['Connection reset by <IP>']);
    expect(index.size).toBe(1);
  });
});
