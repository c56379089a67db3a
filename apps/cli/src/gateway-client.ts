import { Readable } from 'node:stream';
import { CliError, EXIT } from './exit-codes';

/** The body of a gateway error answer (see toHttpError in libs/gateway-server/src/http/http-errors.ts). */
interface GatewayErrorBody {
  error?: string;
  message?: string;
}

/**
 * POSTs a stream to the gateway and returns the response once it is 2xx.
 * Network failures and error answers become CliErrors with the right exit
 * code and the gateway's own message.
 */
export async function postToGateway(url: URL, body: Readable, contentType: string, headers: Record<string, string> = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      body: Readable.toWeb(body) as ReadableStream<Uint8Array>,
      headers: { ...headers, 'content-type': contentType },
      duplex: 'half',
    } as RequestInit);
  } catch (err) {
    throw new CliError(EXIT.CLASSIFIER, `cannot reach the gateway at ${url.origin}: ${networkReason(err)}`);
  }
  if (res.ok) return res;
  const detail = await errorDetail(res);
  // 429 is the gateway being busy, not the input being wrong: retrying later may work.
  const exitCode = res.status >= 400 && res.status < 500 && res.status !== 429 ? EXIT.INPUT : EXIT.CLASSIFIER;
  throw new CliError(exitCode, `the gateway answered ${res.status}${detail}`);
}

async function errorDetail(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as GatewayErrorBody;
    if (body.message) return ` ${body.error ?? ''}: ${body.message}`;
  } catch {
    // not JSON: fall through to the raw text
  }
  return text ? `: ${text.slice(0, 500)}` : '';
}

/** undici hides the useful part (ECONNREFUSED...) in `cause`. */
export function networkReason(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err as Error).message;
}
