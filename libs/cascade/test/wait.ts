export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls a condition (no timing assertion: only a bound on attempts), then asserts it. */
export async function waitFor(condition: () => boolean, attempts = 200): Promise<void> {
  for (let i = 0; i < attempts && !condition(); i++) await sleep(25);
  expect(condition()).toBe(true);
}

/** Retries an async attempt until it reports success; fails after `tries`. */
export async function eventually(attempt: () => Promise<boolean>, tries = 200): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await attempt()) return;
    await sleep(50);
  }
  throw new Error(`condition not met after ${tries} attempts`);
}
