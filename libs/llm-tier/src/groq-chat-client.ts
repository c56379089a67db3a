import { Groq, APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'groq-sdk';
import type { ChatMessage } from './prompt';
import { isRetryableStatus, retryAfterMs } from './retry-policy';
import { redactSecret } from './redact-secret';

export interface ChatClientOptions {
  apiKey: string;
  /** Groq's API root, e.g. https://api.groq.com (the SDK appends /openai/v1/...). */
  baseUrl: string;
  model: string;
  temperature: number;
  /** Longest completion, thinking included. */
  maxTokens: number;
  /** One attempt, from sending to the last byte. */
  timeoutMs: number;
}

export interface ChatUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface ChatReply {
  content: string;
  usage: ChatUsage;
}

/**
 * Why one attempt failed, in terms the caller acts on:
 * - `model-unavailable`: the configured model is decommissioned or unknown (fix LLM_MODEL);
 * - `auth`: the API key is refused (fix the key);
 * - `rate-limited`, `server`, `connection`: worth retrying;
 * - `timeout`, `bad-request`, `bad-response`: not worth retrying;
 * - `stopped`: never sent, the tier is out of service (see ChatScheduler.stop).
 */
export type ChatFailureKind =
  | 'model-unavailable'
  | 'auth'
  | 'rate-limited'
  | 'server'
  | 'connection'
  | 'timeout'
  | 'bad-request'
  | 'bad-response'
  | 'stopped';

export class ChatCallError extends Error {
  constructor(
    readonly kind: ChatFailureKind,
    message: string,
    readonly retryable: boolean,
    /** What the server asked us to wait, from retry-after headers. */
    readonly retryAfterMs?: number,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ChatCallError';
  }

  /** No call can succeed until an operator changes the configuration. */
  get outOfService(): boolean {
    return this.kind === 'model-unavailable' || this.kind === 'auth';
  }
}

/** Groq's error codes for a model that no longer exists or never did. */
const MODEL_GONE_CODES = new Set(['model_decommissioned', 'model_not_found']);

/** Error bodies are `{error: {message, type, code}}`; the SDK keeps the whole body in `error`. */
function groqErrorCode(err: APIError): { code?: string; message: string } {
  const body = err.error as { error?: { code?: unknown; message?: unknown } } | undefined;
  const code = typeof body?.error?.code === 'string' ? body.error.code : undefined;
  const message = typeof body?.error?.message === 'string' ? body.error.message : err.message;
  return { code, message: message.slice(0, 300) };
}

/** One chat completion against Groq (or anything speaking its API), one attempt, bounded in time. */
export class GroqChatClient {
  private readonly groq: Groq;

  constructor(private readonly opts: ChatClientOptions) {
    this.groq = new Groq({
      apiKey: opts.apiKey,
      baseURL: opts.baseUrl,
      // Retries are ours (ChatScheduler): retry-after, limits and counting in one place.
      maxRetries: 0,
      timeout: opts.timeoutMs,
    });
  }

  get model(): string {
    return this.opts.model;
  }

  async complete(messages: readonly ChatMessage[]): Promise<ChatReply> {
    // The SDK's timeout stops at the response headers; this one also covers a body that never ends.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.opts.timeoutMs);
    try {
      const completion = await this.groq.chat.completions.create(
        {
          model: this.opts.model,
          messages: [...messages],
          temperature: this.opts.temperature,
          max_completion_tokens: this.opts.maxTokens,
        },
        { signal: deadline.signal },
      );
      const content = completion.choices?.[0]?.message?.content;
      if (typeof content !== 'string') throw new ChatCallError('bad-response', 'llm response has no message content', false);
      return {
        content,
        usage: { promptTokens: completion.usage?.prompt_tokens ?? 0, completionTokens: completion.usage?.completion_tokens ?? 0 },
      };
    } catch (err) {
      const failure = this.classify(err, deadline.signal.aborted);
      const message = redactSecret(failure.message, this.opts.apiKey);
      throw message === failure.message ? failure : new ChatCallError(failure.kind, message, failure.retryable, failure.retryAfterMs, failure.status);
    } finally {
      clearTimeout(timer);
    }
  }

  private classify(err: unknown, timedOut: boolean): ChatCallError {
    if (err instanceof ChatCallError) return err;
    if (timedOut || err instanceof APIConnectionTimeoutError || err instanceof APIUserAbortError) {
      return new ChatCallError('timeout', `llm call timed out after ${this.opts.timeoutMs} ms`, false);
    }
    if (err instanceof APIConnectionError) return new ChatCallError('connection', `llm unreachable: ${err.message}`, true);
    if (err instanceof APIError && typeof err.status === 'number') {
      const { code, message } = groqErrorCode(err);
      const status = err.status;
      if ((status === 400 || status === 404) && code && MODEL_GONE_CODES.has(code)) {
        return new ChatCallError('model-unavailable', `model "${this.opts.model}" is not available (${code}): ${message}`, false, undefined, status);
      }
      if (status === 401 || status === 403) return new ChatCallError('auth', `llm API key refused (${status}): ${message}`, false, undefined, status);
      if (status === 429) return new ChatCallError('rate-limited', `llm rate limited (429): ${message}`, true, retryAfterMs(err.headers), status);
      if (isRetryableStatus(status)) return new ChatCallError('server', `llm server error (${status}): ${message}`, true, retryAfterMs(err.headers), status);
      return new ChatCallError('bad-request', `llm refused the request (${status}${code ? ` ${code}` : ''}): ${message}`, false, undefined, status);
    }
    // A 200 whose body is not JSON, or a body the SDK could not read.
    return new ChatCallError('bad-response', `llm response unreadable: ${(err as Error)?.message ?? String(err)}`.slice(0, 300), false);
  }
}
