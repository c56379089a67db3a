import { AdmissionQueue } from '@logclass/classifier';
import { ChatCallError, type ChatReply, type GroqChatClient } from './groq-chat-client';
import type { ChatMessage } from './prompt';
import { retryDelayMs, type RetryPolicy } from './retry-policy';
import type { LlmStats } from './llm-stats';
import type { TokenBudget } from './token-budget';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs chat calls with at most `concurrency` requests open at once, retrying
 * rate limits and server errors per the policy. A 429's retry-after pauses
 * every call, not only the one that got it: the limit is the account's, so
 * the others would only collect 429s of their own.
 */
export class ChatScheduler {
  private readonly slots: AdmissionQueue;
  private pausedUntil = 0;
  private stoppedReason: string | undefined;

  constructor(
    private readonly client: GroqChatClient,
    concurrency: number,
    private readonly policy: RetryPolicy,
    private readonly stats: LlmStats,
    /**
     * Told at once (before the next queued call may start) of a failure no
     * retry can fix, so that it can stop() the calls queued behind it.
     */
    private readonly onOutOfService: (failure: ChatCallError) => void = () => undefined,
    /** Spend ceiling checked right before each send (after queueing, so waiting calls see the latest spend). */
    private readonly budget?: TokenBudget,
  ) {
    // Waiting callers are bounded by the gRPC server's own admission queue, so this one never refuses.
    this.slots = new AdmissionQueue('llm calls', concurrency, Number.MAX_SAFE_INTEGER);
  }

  /**
   * Sends nothing more: calls still queued fail with `reason` instead of
   * each collecting the same error from Groq (a retired model, a refused key).
   */
  stop(reason: string): void {
    this.stoppedReason ??= reason;
  }

  /** Resolves with the reply, or rejects with the ChatCallError of the last attempt. */
  async complete(messages: readonly ChatMessage[]): Promise<ChatReply> {
    for (let retry = 0; ; retry++) {
      try {
        return await this.slots.run(() => this.attempt(messages, retry > 0));
      } catch (err) {
        const failure = err as ChatCallError;
        if (!failure.retryable || retry >= this.policy.maxRetries) throw this.finalError(failure, retry);
        const wait = retryDelayMs(this.policy, retry, failure.retryAfterMs);
        if (wait === undefined) {
          throw new ChatCallError(failure.kind, `${failure.message}; retry-after ${Math.ceil((failure.retryAfterMs ?? 0) / 1000)} s is longer than we wait`, false);
        }
        if (failure.kind === 'rate-limited') this.pausedUntil = Math.max(this.pausedUntil, Date.now() + wait);
        await sleep(wait);
      }
    }
  }

  private async attempt(messages: readonly ChatMessage[], isRetry: boolean): Promise<ChatReply> {
    const pause = this.pausedUntil - Date.now();
    if (pause > 0) await sleep(pause);
    if (this.stoppedReason) throw new ChatCallError('stopped', this.stoppedReason, false);
    // Not sent, like a stopped call: the rows abstain with the reason and nothing is billed.
    if (this.budget?.exhausted) throw new ChatCallError('stopped', this.budget.reason, false);
    this.stats.calls++;
    if (isRetry) this.stats.retries++;
    try {
      const reply = await this.client.complete(messages);
      this.stats.promptTokens += reply.usage.promptTokens;
      this.stats.completionTokens += reply.usage.completionTokens;
      this.budget?.spend(reply.usage.promptTokens + reply.usage.completionTokens);
      return reply;
    } catch (err) {
      this.stats.failedCalls++;
      const kind = err instanceof ChatCallError ? err.kind : 'internal';
      this.stats.failuresByKind[kind] = (this.stats.failuresByKind[kind] ?? 0) + 1;
      if (err instanceof ChatCallError && err.outOfService) this.onOutOfService(err);
      throw err;
    }
  }

  private finalError(failure: ChatCallError, retries: number): ChatCallError {
    if (!failure.retryable || retries === 0) return failure;
    return new ChatCallError(failure.kind, `${failure.message} (after ${retries} retries)`, false, undefined, failure.status);
  }
}
