import { LogclassError } from '@logclass/classifier';

/** A yes/no query parameter: absent, `false` or `0` is off; `true`, `1` or empty (`?flag`) is on; anything else is a 400. */
export function parseFlag(name: string, value: string | undefined): boolean {
  if (value === undefined || value === 'false' || value === '0') return false;
  if (value === '' || value === 'true' || value === '1') return true;
  throw new LogclassError('INVALID_ARGUMENT', `query parameter ${name} must be true or false (got "${value.slice(0, 40)}")`);
}
