import { isValueChoice } from './value-choices';

describe('isValueChoice (which alternatives of a corpus pattern are a variable of its true template)', () => {
  it.each([
    ['one-token values', ['map', 'groupBy', 'reduceByKey']],
    ['enum constants, even when their word is a state', ['RUNNING', 'FAILED', 'KILL_WAIT']],
    ['booleans', ['true', 'false']],
    ['verbs of which some are no request method', ['GET', 'LIST', 'WATCH']],
    ['phrases that differ only in values', ['NEW to SCHEDULED', 'SCHEDULED to RUNNING', 'RUNNING to SUCCEEDED']],
    ['one-token names of which some are built around a slot', ['docker0', 'br-{hex12}', 'cni0']],
    ['thread names, each a slot inside a word', ['main', 'pool-{int:1:9}-thread-{int:1:40}']],
    ['a dash for a missing value, or the value', ['-', '{ip}:{int:1:9}']],
    ['sentences that differ only in names', ['mapred.job.tracker is deprecated. Instead, use mapreduce.jobtracker.address', 'session.id is deprecated. Instead, use dfs.metrics.session-id']],
  ])('%s are values', (_what, alternatives) => {
    expect(isValueChoice(alternatives)).toBe(true);
  });

  it.each([
    ['state words as prose', ['started', 'stopped']],
    ['levels in capitals', ['INFO', 'ERROR']],
    ['phrases of other lengths', ['cch CEM', 'prev LAST', 'cch+3 CEM now']],
    ['an empty alternative', ['', 'not ']],
    ['phrases that differ in a state word', ['link is up', 'link is down']],
    ['alternatives holding a slot', ['Instance {uuid}', 'Flavor {int:1:99}']],
    ['a state word beside a token built around a slot', ['failed', 'retry-{int:1:9}']],
    ['request methods', ['GET', 'POST', 'DELETE']],
  ])('%s are wording', (_what, alternatives) => {
    expect(isValueChoice(alternatives)).toBe(false);
  });
});
