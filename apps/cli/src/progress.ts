import { Transform, type Writable } from 'node:stream';
import { Presets, SingleBar } from 'cli-progress';

/** How `classify` reports progress: a bar on a terminal, a line now and then in a log, or nothing. */
export type ProgressMode = 'bar' | 'lines' | 'quiet';

/**
 * A stream of unknown size (standard input) has no bar to fill: in a log it
 * gets the periodic line, on a terminal nothing (the records scrolling by
 * are the progress, and lines in between would interleave with them).
 */
export function progressMode(stderr: Writable, quiet: boolean, sizeKnown = true): ProgressMode {
  if (quiet) return 'quiet';
  if (!(stderr as NodeJS.WriteStream).isTTY) return 'lines';
  return sizeKnown ? 'bar' : 'quiet';
}

// A bar that flashes for a file classified in a blink is noise: it appears after this long.
const BAR_DELAY_MS = 1000;
const LINE_EVERY_MS = 5000;

/**
 * Progress of one file: input bytes consumed against the file size give the
 * share done and the ETA (rows cannot be known before the end); rows and
 * rows/s come from what has been classified. Without a size (standard
 * input), rows and rows/s only.
 */
export class ClassifyProgress {
  private bytes = 0;
  private rows = 0;
  private readonly started = Date.now();
  private bar: SingleBar | undefined;
  /** Something was shown while working: then the end is shown too (a quick small file prints nothing). */
  private shown = false;
  private readonly timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly totalBytes: number | undefined,
    private readonly mode: ProgressMode,
    private readonly stderr: Writable,
  ) {
    if (mode === 'bar') this.timer = setTimeout(() => this.startBar(), BAR_DELAY_MS);
    if (mode === 'lines') this.timer = setInterval(() => this.printLine(), LINE_EVERY_MS);
    this.timer?.unref();
  }

  /** Counts the bytes flowing through (the input file). */
  byteCounter(): Transform {
    return new Transform({
      transform: (chunk: Buffer, _enc, done) => {
        this.bytes += chunk.length;
        this.update();
        done(null, chunk);
      },
    });
  }

  addRows(n: number): void {
    this.rows += n;
    this.update();
  }

  /** Stops the bar and prints the final line (unless quiet). */
  finish(ok: boolean): void {
    if (this.mode === 'bar') clearTimeout(this.timer);
    else clearInterval(this.timer);
    if (this.bar) {
      this.bar.update(ok ? this.total() : this.bytes, this.payload());
      this.bar.stop();
    }
    if (ok && this.shown) this.stderr.write(`logclass: classified ${this.rows} rows in ${this.seconds().toFixed(1)} s (${Math.round(this.rate())} rows/s)\n`);
  }

  private printLine(): void {
    this.shown = true;
    this.stderr.write(`logclass: ${this.summary()}\n`);
  }

  private startBar(): void {
    this.shown = true;
    this.bar = new SingleBar(
      { format: '{bar} {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}', stream: this.stderr as NodeJS.WritableStream, hideCursor: true, etaBuffer: 50, fps: 5 },
      Presets.shades_classic,
    );
    this.bar.start(Math.max(1, this.total()), this.bytes, this.payload());
  }

  private update(): void {
    this.bar?.update(Math.min(this.bytes, this.total()), this.payload());
  }

  private payload(): { rows: number; rate: number } {
    return { rows: this.rows, rate: Math.round(this.rate()) };
  }

  private seconds(): number {
    return (Date.now() - this.started) / 1000;
  }

  private rate(): number {
    return this.rows / Math.max(this.seconds(), 0.001);
  }

  private total(): number {
    return this.totalBytes ?? this.bytes;
  }

  private summary(): string {
    if (this.totalBytes === undefined) return `${this.rows} rows classified (${Math.round(this.rate())} rows/s)`;
    const share = this.totalBytes > 0 ? this.bytes / this.totalBytes : 1;
    const eta = share > 0 && share < 1 ? `, ETA ${Math.round((this.seconds() / share) * (1 - share))} s` : '';
    return `${this.rows} rows classified (${(100 * share).toFixed(0)}% of the input read, ${Math.round(this.rate())} rows/s${eta})`;
  }
}
