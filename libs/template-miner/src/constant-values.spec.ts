import { isConstant, isConstantPair, withLineConstants } from './constant-values';
import { TemplateMiner } from './template-miner';

describe('closed-set constants', () => {
  it.each([
    ['RUNNING ', true],
    ['PROCESS_LOCAL,', true],
    ['(FOLLOWING)', true],
    ['state=FAILED', true],
    ['true,', true],
    ['"isSpeculative":false,', true],
    ['null', true],
    ['ERROR', false], // a level
    ['"GET', false], // an HTTP method
    ['SOCKS5', false], // a protocol
    ['AH01630:', false], // a message code
    ['A', false],
    ['Running', false],
    ['KILL_WAIT_', false],
  ])('%s is a constant: %s', (token, expected) => {
    expect(isConstant(token)).toBe(expected);
  });

  it('pairs two constants keyed, wrapped and delimited alike, and nothing else', () => {
    expect(isConstantPair('RUNNING ', 'FAILED ')).toBe(true);
    expect(isConstantPair('state=SUCCEEDED', 'state=FAILED')).toBe(true);
    expect(isConstantPair('(true)', '(false)')).toBe(true);
    expect(isConstantPair('RUNNING ', 'RUNNING ')).toBe(false);
    expect(isConstantPair('RUNNING ', 'FAILED, ')).toBe(false);
    expect(isConstantPair('state=SUCCEEDED', 'phase=FAILED')).toBe(false);
    expect(isConstantPair('INFO ', 'WARN ')).toBe(false);
  });

  it('puts a line\'s constants back into the wildcards that hold them, and only those', () => {
    const template = '<ID> Transitioned from <*> to <*> after <*> retries, state=<*>';
    expect(withLineConstants(template, '<ID> Transitioned from RUNNING to FAILED after three retries, state=DONE')).toBe(
      '<ID> Transitioned from RUNNING to FAILED after <*> retries, state=DONE',
    );
    // Not aligned token for token (a slot took two tokens): the template as it is.
    expect(withLineConstants(template, '<ID> Transitioned from RUNNING to FAILED after three more retries, state=DONE')).toBe(template);
    expect(withLineConstants('no wildcard here', 'no wildcard here')).toBe('no wildcard here');
  });
});

describe('TemplateMiner with constants', () => {
  it('takes two states at one position as a slot at once, and then a state that is an outcome word', () => {
    const miner = new TemplateMiner();
    miner.add('attempt_1445144423722_0020_m_000002_0 TaskAttempt Transitioned from NEW to UNASSIGNED');
    expect(miner.add('attempt_1445144423722_0020_m_000003_0 TaskAttempt Transitioned from UNASSIGNED to ASSIGNED').template).toBe(
      '<ID> TaskAttempt Transitioned from <*> to <*>',
    );
    expect(miner.add('attempt_1445144423722_0020_m_000004_0 TaskAttempt Transitioned from RUNNING to FAILED').change).toBe('matched');
  });

  it.each([
    ['a set of two', 'fetcher#1 about to shuffle output of map m_000002 to MEMORY', 'fetcher#2 about to shuffle output of map m_000003 to DISK', 'fetcher#<NUM> about to shuffle output of map <ID> to <*>'],
    ['booleans', 'isRelaunching = true, allDrawn= false', 'isRelaunching = false, allDrawn= false', 'isRelaunching = <*>, allDrawn= false'],
    ['a keyed state', 'task finished state=SUCCEEDED', 'task finished state=FAILED', 'task finished state=<*>'],
  ])('generalises %s at the first difference', (_what, first, second, template) => {
    const miner = new TemplateMiner();
    miner.add(first);
    expect(miner.add(second).template).toBe(template);
  });

  it('does not take levels or HTTP methods in capitals for constants: two of them are no slot at once', () => {
    const miner = new TemplateMiner();
    for (const [a, b] of [
      ['[ERROR] connection to db lost', '[WARN] connection to db lost'],
      ['"GET /v2/servers HTTP/1.1" status: 200', '"POST /v2/servers HTTP/1.1" status: 200'],
    ]) {
      miner.add(a);
      expect(miner.add(b).change).toBe('created');
    }
  });

  it('takes a constant that is an outcome word for a state only where the line prints one', () => {
    const miner = new TemplateMiner();
    // Named events: the first two tokens, or a constant before a colon.
    for (const [a, b] of [
      ['[ftp] OK LOGIN: Client "10.0.0.1"', '[ftp] FAIL LOGIN: Client "10.0.0.1"'],
      ['USER_PROCESS: 812 console', 'DEAD_PROCESS: 812 console'],
    ]) {
      miner.add(a);
      expect(miner.add(b).change).toBe('created');
    }
    // Printed states: after a cue word, as a key's value, or further into the line.
    for (const [a, b, template] of [
      ['Moved to RUNNING', 'Moved to FAILED', 'Moved to <*>'],
      ['Access denied for user (using password: YES)', 'Access denied for user (using password: NO)', 'Access denied for user (using password: <*>'],
      ['ciod: Error reading message prefix after LOAD_MESSAGE on CioStream socket', 'ciod: Error reading message prefix after KILL_MESSAGE on CioStream socket', 'ciod: Error reading message prefix after <*> on CioStream socket'],
    ]) {
      miner.add(a);
      expect(miner.add(b).template).toBe(template);
    }
  });

  it('gives a tier a label key per outcome state of one template, and one for the states that carry no outcome', () => {
    const miner = new TemplateMiner();
    const lines = ['job_1 finished state=SUCCEEDED', 'job_2 finished state=FAILED', 'job_3 finished state=RUNNING', 'job_4 finished state=PENDING'];
    const templates = lines.map((line) => miner.add(line).template);
    expect(templates[3]).toBe('<ID> finished state=<*>');
    expect(lines.map((line) => miner.labelKeyOf(templates[3], miner.masker.mask(line)))).toEqual([
      '<ID> finished state=SUCCEEDED',
      '<ID> finished state=FAILED',
      '<ID> finished state=<*>',
      '<ID> finished state=<*>',
    ]);
  });
});
