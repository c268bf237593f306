// What the page mentions, told to the background: debounced (a scan and a burst of changes are
// one report) and only when it changed since the last report.
import type { Detection } from './name-painter';

export class DetectionsReport {
  private timer: number | null = null;
  private last = '';

  constructor(
    private readonly detections: () => Detection[],
    private readonly send: (detections: Detection[]) => void,
    private readonly timers: {
      setTimeout: (callback: () => void, ms: number) => number;
      clearTimeout: (id: number) => void;
    },
    private readonly delayMs: number,
  ) {}

  schedule(): void {
    if (this.timer !== null) return;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      const detections = this.detections();
      const key = JSON.stringify(detections);
      // Nothing found and nothing reported before: the background has nothing to forget.
      if (key === this.last || (this.last === '' && detections.length === 0)) return;
      this.last = key;
      this.send(detections);
    }, this.delayMs);
  }

  /** After a navigation the background forgot the tab: the next report goes out even if unchanged. */
  forget(): void {
    this.last = '';
  }

  dispose(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
