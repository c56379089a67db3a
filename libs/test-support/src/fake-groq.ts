import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for Groq's OpenAI-compatible chat API (Groq is unreachable from
 * CI): `POST /openai/v1/chat/completions`, answered per scenario, every
 * request recorded, and the peak number of requests open at once tracked so
 * tests can check a client's concurrency limit.
 */

export interface FakeChatMessage {
  role: string;
  content: string;
}

export interface FakeGroqRequest {
  /** 0-based arrival order. */
  readonly index: number;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON body (model, messages, temperature...). */
  readonly body: { model?: string; messages?: FakeChatMessage[]; [key: string]: unknown };
}

/** What the fake does with one request. */
export type FakeGroqReply =
  /** 200 with one choice whose message content is `content`. */
  | { content: string; usage?: { prompt_tokens: number; completion_tokens: number } }
  /** An error status with Groq's error body shape `{error: {message, type, code}}`. */
  | { status: number; code?: string; message?: string; headers?: Record<string, string> }
  /** 200 with a body that is not JSON. */
  | { malformedBody: string }
  /** Never answers (until the client gives up or the server closes). */
  | { hang: true };

export type FakeGroqResponder = (request: FakeGroqRequest) => FakeGroqReply | Promise<FakeGroqReply>;

export interface FakeGroqOptions {
  respond: FakeGroqResponder;
  /** Wait this long before answering each request (simulates model latency). */
  delayMs?: number;
}

export interface FakeGroq {
  /** For `new Groq({baseURL})`: the SDK appends /openai/v1/... itself. */
  readonly baseUrl: string;
  readonly requests: FakeGroqRequest[];
  /** Most requests that were open at the same time. */
  readonly maxConcurrent: number;
  respond: FakeGroqResponder;
  delayMs: number;
  /** Forget recorded requests and the concurrency peak (between test cases). */
  reset(): void;
  close(): Promise<void>;
}

const CHAT_PATH = '/openai/v1/chat/completions';

export async function startFakeGroq(options: FakeGroqOptions): Promise<FakeGroq> {
  let open = 0;
  let peak = 0;
  const requests: FakeGroqRequest[] = [];
  const hanging = new Set<ServerResponse>();

  const state = {
    respond: options.respond,
    delayMs: options.delayMs ?? 0,
  };

  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      open++;
      peak = Math.max(peak, open);
      let finished = false;
      const finish = () => {
        if (!finished) {
          finished = true;
          open--;
          hanging.delete(res);
        }
      };
      res.on('close', finish);
      if (req.method !== 'POST' || req.url !== CHAT_PATH) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `no route ${req.url}` } }));
        return;
      }
      const request: FakeGroqRequest = { index: requests.length, path: req.url, headers: req.headers, body: JSON.parse(raw) };
      requests.push(request);
      void answer(request, res, finish);
    });
  });

  async function answer(request: FakeGroqRequest, res: ServerResponse, finish: () => void): Promise<void> {
    if (state.delayMs > 0) await new Promise((r) => setTimeout(r, state.delayMs));
    const reply = await state.respond(request);
    if ('hang' in reply) {
      hanging.add(res);
      return;
    }
    if ('malformedBody' in reply) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(reply.malformedBody);
    } else if ('status' in reply) {
      const body = { error: { message: reply.message ?? `fake error ${reply.status}`, type: 'invalid_request_error', code: reply.code } };
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(JSON.stringify(body));
    } else {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(completion(request, reply.content, reply.usage)));
    }
    finish();
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    get maxConcurrent() {
      return peak;
    },
    get respond() {
      return state.respond;
    },
    set respond(fn: FakeGroqResponder) {
      state.respond = fn;
    },
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    reset() {
      requests.length = 0;
      peak = open;
    },
    close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function completion(request: FakeGroqRequest, content: string, usage = { prompt_tokens: 100, completion_tokens: 5 }) {
  return {
    id: `chatcmpl-fake-${request.index}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: request.body.model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop', logprobs: null }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  };
}

/** The text of the last user message of a recorded request. */
export function lastUserMessage(request: FakeGroqRequest): string {
  const users = (request.body.messages ?? []).filter((m) => m.role === 'user');
  return users[users.length - 1]?.content ?? '';
}

/** The text of the system message of a recorded request. */
export function systemMessage(request: FakeGroqRequest): string {
  return (request.body.messages ?? []).find((m) => m.role === 'system')?.content ?? '';
}

/**
 * The log records a logclass prompt carries: every line of the user message
 * that is a JSON object with a `log_message` (how the LLM tier writes its
 * data block), in order.
 */
export function promptRecords(request: FakeGroqRequest): Array<{ id?: number; source?: string; log_message: string }> {
  const out: Array<{ id?: number; source?: string; log_message: string }> = [];
  for (const line of lastUserMessage(request).split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const parsed = JSON.parse(line) as { log_message?: unknown };
      if (typeof parsed.log_message === 'string') out.push(parsed as { log_message: string });
    } catch {
      // not a data line
    }
  }
  return out;
}

/**
 * A responder that answers like a well-behaved model: each record gets the
 * label of the first rule whose pattern matches its message (or
 * `fallback`); one record is answered with the bare label, several with a
 * JSON object of id -> label.
 */
export function answerByKeyword(rules: ReadonlyArray<readonly [RegExp, string]>, fallback = 'Unclassified'): FakeGroqResponder {
  return (request) => {
    const records = promptRecords(request);
    const labelOf = (message: string) => rules.find(([pattern]) => pattern.test(message))?.[1] ?? fallback;
    if (records.length === 1) return { content: labelOf(records[0].log_message) };
    const answer: Record<string, string> = {};
    records.forEach((r, i) => (answer[String(r.id ?? i + 1)] = labelOf(r.log_message)));
    return { content: JSON.stringify(answer) };
  };
}
