import { randomInt } from 'node:crypto';
import type { PromptRecord } from './prompt';

const CONSONANTS = 'bdfgkmnpstvz';
const VOWELS = 'aeiou';

function word(syllables: number): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += CONSONANTS[randomInt(CONSONANTS.length)] + VOWELS[randomInt(VOWELS.length)];
  return w;
}

/**
 * A made-up record whose only right answer is Unclassified: pronounceable
 * nonsense, new for every call (so no line can name it), put among a call's
 * records. A model that labels it was told to by another record of the
 * call; none of that call's answers is then trusted.
 */
export function canaryRecord(): PromptRecord {
  const words = Array.from({ length: 3 + randomInt(3) }, () => word(2 + randomInt(2)));
  words.splice(randomInt(words.length + 1), 0, randomInt(0x10000).toString(16));
  return { source: word(3), logMessage: words.join(' ') };
}
