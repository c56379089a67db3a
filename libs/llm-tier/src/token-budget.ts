import { silentLogger, type Logger } from '@logclass/observability';

const WINDOW_MS = 60_000;

/**
 * Tokens (prompt + completion) Groq billed in the last minute, against a
 * ceiling. Checked right before each call is sent: past it, calls are not
 * made and their rows abstain with `reason`, so a flood of novel lines costs
 * at most the budget per minute. Calls already in flight when the ceiling is
 * reached still land, so the overshoot is bounded by LLM_CONCURRENCY calls.
 */
export class TokenBudget {
  private readonly spent: Array<{ at: number; tokens: number }> = [];
  private total = 0;
  private warnedAt = -Infinity;

  constructor(
    readonly tokensPerMinute: number,
    /** The setting named in the reason, so an operator knows what to raise. */
    readonly setting: string,
    private readonly log: Logger = silentLogger(),
    private readonly now: () => number = () => Date.now(),
  ) {}

  get reason(): string {
    return `llm budget exhausted (${this.setting}=${this.tokensPerMinute})`;
  }

  /** True when the last minute's spend has reached the ceiling (warns at most once a minute). */
  get exhausted(): boolean {
    this.expire();
    const out = this.total >= this.tokensPerMinute;
    if (out && this.now() - this.warnedAt >= WINDOW_MS) {
      this.warnedAt = this.now();
      this.log.warn({ spent: this.total, limit: this.tokensPerMinute, setting: this.setting }, 'llm token budget exhausted: rows abstain until it frees up');
    }
    return out;
  }

  spend(tokens: number): void {
    if (tokens <= 0) return;
    this.spent.push({ at: this.now(), tokens });
    this.total += tokens;
  }

  private expire(): void {
    const cutoff = this.now() - WINDOW_MS;
    while (this.spent.length > 0 && this.spent[0].at <= cutoff) this.total -= (this.spent.shift() as { tokens: number }).tokens;
  }
}
