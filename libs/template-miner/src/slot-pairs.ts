import { isConstantPair } from './constant-values';
import { isValueShaped, type StatusPairTest } from './template-shape';
import { keyPrefix } from './tokens';

/** `root`, `svc_deploy`, `web-01.`, `(nvme0n1p2):`: one word, as a value the masker did not recognise looks. */
const LONE_WORD = /^[([{"']?[\w.@/+-]{1,64}[)\]}"']?[:.,;]*[ ,;]*$/;
/**
 * Names a program fills in for a user or a missing value (`root`, `admin`,
 * `null`): published ground truths count them as variables wherever they
 * stand. A sample of a log may hold root and only one other name at a
 * position (`Failed password for root` / `... for backup`), which
 * variableAfter would keep as two templates.
 */
const DEFAULT_NAME = /^[([{"']?(?:root|admin|administrator|guest|nobody|anonymous|null)[)\]}"']?[:.,;]*[ ,;]*$/i;
/** `::`, `::1`, `[fe80::1]`: an IPv6 address the masker leaves as it is (`Server listening on :: port 22.` / `... on <IP> port 22.`). */
const IPV6_LIKE = /^[[(]?[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7}[\])]?[.,;]?[ ,;]*$/;
/** A token holding a placeholder anywhere (`<ID>/<IP>`, `<NUM>B`, `[::]:<NUM>`): the masker saw a value in it. */
const HOLDS_PLACEHOLDER = /<[A-Z]+>/;

/**
 * Two tokens at one position that are one slot at once, before variableAfter
 * distinct values: the masker already named a value in one of them and the
 * other is a value too (it named one there as well, or it is one word or an
 * IPv6 address it left), or both are shaped like values (isValueShaped), or
 * they are HTTP statuses that `sameStatus` pairs, or a default name (`root`,
 * `null`) and another word, or two constants of a closed set, whole
 * (isConstantPair). The same tests but the last apply to what differs
 * inside a common wrapping (`BlockManagerId(<NUM>,` /
 * `BlockManagerId(driver,`). Real lines of one
 * template mask a value differently now and then (`sda` and `<ID>`,
 * `<HOST>/<IP>` and `<ID>/<IP>`, `<NUM>B` and `<SIZE>`).
 */
export function isSlotPair(a: string, b: string, sameStatus: StatusPairTest): boolean {
  // Constants whole, keyed and wrapped alike: a piece of a word in capitals (`GE` of `GET`) is no constant.
  if (isSlotCore(a, b, sameStatus) || isConstantPair(a, b)) return true;
  // Two values of one key (`reason=android.policy:POWER)...` / `reason=android.server.wm:TURN_ON)...`): judged without the key, whose `=` is no value's.
  const key = keyPrefix(a);
  if (key !== '' && b.startsWith(key) && isSlotCore(a.slice(key.length), b.slice(key.length), sameStatus)) return true;
  // The value inside a token's fixed wrapping: `BlockManagerId(<NUM>,` / `BlockManagerId(driver,`, `(com.apple.x[<NUM>]):` / `(com.google.y[<NUM>]):`.
  const [coreA, coreB] = differingCores(a, b);
  return coreA.length > 0 && coreB.length > 0 && coreA.length < a.length && isSlotCore(coreA, coreB, sameStatus);
}

function isSlotCore(a: string, b: string, sameStatus: StatusPairTest): boolean {
  const aHolds = HOLDS_PLACEHOLDER.test(a);
  const bHolds = HOLDS_PLACEHOLDER.test(b);
  if (aHolds && bHolds) return true;
  if (aHolds) return LONE_WORD.test(b) || isValueShaped(b) || IPV6_LIKE.test(b);
  if (bHolds) return LONE_WORD.test(a) || isValueShaped(a) || IPV6_LIKE.test(a);
  if (DEFAULT_NAME.test(a) || DEFAULT_NAME.test(b)) return LONE_WORD.test(a) && LONE_WORD.test(b);
  return (isValueShaped(a) && isValueShaped(b)) || sameStatus(a, b);
}

/** What is left of two tokens once their common start and end are cut off, widened so that no placeholder is cut in two. */
function differingCores(a: string, b: string): [string, string] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  // A common start that ends inside a placeholder (`<` with no `>` after it) gives the placeholder back to the cores.
  const open = a.lastIndexOf('<', start - 1);
  if (open >= 0 && a.indexOf('>', open) >= start) start = open;
  // Likewise a common end that starts inside one (a `>` before any `<`).
  const tail = a.length - end;
  const close = a.indexOf('>', tail);
  const nextOpen = a.indexOf('<', tail);
  if (close >= 0 && (nextOpen < 0 || close < nextOpen)) end = a.length - close - 1;
  return [a.slice(start, a.length - end), b.slice(start, b.length - end)];
}
