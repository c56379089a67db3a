import { CONTEXT_WORD, KEPT_QUOTED, mayBeKey, mayFollowContext } from './context-clues';
import { EXIT_CONTEXT, ID_CONTEXT, KEY_AFTER, LOG_LEVEL, LOG_LEVEL_LENGTH, NUMBER, QUOTED, QUOTED_STATUS, QUOTED_STATUS_LENGTH, STATUS_CONTEXT } from './patterns';
import { mixedLines, valueLines } from '../test/value-lines';

/** The context patterns' own words in other cases and with the widest gaps they allow, then the lines of every kind. */
const CONTEXTS = ['status', 'STATUS', 'Status-Code', 'status_code', 'HTTP', 'http/1.1', 'HTTP/2', 'returned', 'Response Code', 'code', 'exit code', 'EXITED WITH STATUS', 'exit_status', 'exited with abnormal code', 'Exited With Return Code', 'id', 'ID', 'Id'];
const GAPS = ['', ' ', ':', '=', '#', '": "', '" :  \'', "'=", ' : ', ':::'];
const lines = [
  ...CONTEXTS.flatMap((c) => GAPS.flatMap((g) => [`${c}${g}200`, `x ${c}${g}404 y`, `${c}${g}"503"`, `{"${c}"${g}7}`])),
  ...valueLines(),
  ...mixedLines(20_000, 11),
];

const before = (line: string, offset: number) => line.slice(Math.max(0, offset - 32), offset);

describe('context clues', () => {
  it('let through every number a status, exit or id context precedes', () => {
    let contexts = 0;
    for (const line of lines) {
      for (const m of line.matchAll(NUMBER)) {
        const context = before(line, m.index);
        if (![EXIT_CONTEXT, STATUS_CONTEXT, ID_CONTEXT].some((p) => p.test(context))) continue;
        contexts++;
        expect({ line, at: m.index, mayFollow: mayFollowContext(line, m.index) }).toEqual({ line, at: m.index, mayFollow: true });
        if (/^\d+$/.test(m[1]) && m[2] === '') expect({ line, contextWord: CONTEXT_WORD.test(line) }).toEqual({ line, contextWord: true });
      }
    }
    // Checked against no context at all they would prove nothing.
    expect(contexts).toBeGreaterThan(500);
  });

  it('let through every quoted token the quoted pass keeps', () => {
    let kept = 0;
    for (const line of lines) {
      for (const m of line.matchAll(QUOTED)) {
        const end = m.index + m[0].length;
        const key = KEY_AFTER.test(line.slice(end, end + 4));
        const level = LOG_LEVEL.test(m[0]);
        const status = QUOTED_STATUS.test(m[0]) && STATUS_CONTEXT.test(before(line, m.index));
        if (key) expect({ line, end, mayBeKey: mayBeKey(line, end) }).toEqual({ line, end, mayBeKey: true });
        if (level) expect({ match: m[0], length: m[0].length >= LOG_LEVEL_LENGTH.min && m[0].length <= LOG_LEVEL_LENGTH.max }).toEqual({ match: m[0], length: true });
        if (QUOTED_STATUS.test(m[0])) expect({ match: m[0], length: m[0].length <= QUOTED_STATUS_LENGTH.max }).toEqual({ match: m[0], length: true });
        if (status) expect({ line, at: m.index, mayFollow: mayFollowContext(line, m.index) }).toEqual({ line, at: m.index, mayFollow: true });
        if (key || level || status) {
          kept++;
          expect({ line, keptQuoted: KEPT_QUOTED.test(line) }).toEqual({ line, keptQuoted: true });
        }
      }
    }
    expect(kept).toBeGreaterThan(100);
  });

  it('say no where no context can be', () => {
    expect(mayFollowContext('port 4312', 5)).toBe(false);
    expect(mayFollowContext('took      12', 10)).toBe(false);
    expect(mayFollowContext('12', 0)).toBe(false);
    expect(CONTEXT_WORD.test('sent 12 bytes to port 4312')).toBe(false);
    expect(KEPT_QUOTED.test("user 'admin' denied")).toBe(false);
    expect(mayBeKey('"a", b', 3)).toBe(false);
  });
});
