/** Records of one export request left out as malformed: their count and the first reason, for partial_success. */
export class RejectedRecords {
  count = 0;
  private reasons: string[] = [];

  add(count: number, reason: string): void {
    this.count += count;
    // Senders log this message: a few examples say enough, a whole batch of them would be noise.
    if (this.reasons.length < 3) this.reasons.push(reason);
  }

  get message(): string {
    return this.reasons.length === 0 ? '' : `rejected ${this.count} malformed log record(s): ${this.reasons.join('; ')}`;
  }
}
