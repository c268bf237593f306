// When a card opens and closes, as a small state machine with its timers injected, so the
// timing rules are unit-tested without a browser:
// - the pointer resting on a name starts fetching its card after PREFETCH_DELAY_MS and shows it
//   at the dwell delay; a glance that moves on sooner shows and fetches nothing;
// - leaving the name or the card starts a grace period (HIDE_DELAY_MS) in which the pointer may
//   travel to the card or come back, so the card is hoverable (WCAG 1.4.13);
// - keyboard and touch open at once; Escape closes at once.

export const PREFETCH_DELAY_MS = 150;
export const HIDE_DELAY_MS = 300;

export type OpenSource = 'hover' | 'keyboard' | 'touch';

export interface HoverIntentEffects<T> {
  prefetch(target: T): void;
  show(target: T, source: OpenSource): void;
  hide(reason: 'left' | 'escape' | 'gone' | 'replaced'): void;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export class HoverIntent<T> {
  private resting: T | null = null;
  private open: T | null = null;
  private overCard = false;
  private prefetchTimer: number | null = null;
  private showTimer: number | null = null;
  private hideTimer: number | null = null;

  constructor(
    private readonly effects: HoverIntentEffects<T>,
    private readonly timers: Timers,
    private readonly dwellMs: () => number,
    private readonly sameTarget: (a: T, b: T) => boolean = (a, b) => a === b,
  ) {}

  get openTarget(): T | null {
    return this.open;
  }

  /** The pointer is over `target` (a name), or over no name when null. */
  pointerOver(target: T | null): void {
    if (this.overCard) return;
    if (target !== null && this.open !== null && this.sameTarget(target, this.open)) {
      this.cancelHide();
      this.cancelRest();
      return;
    }
    if (target !== null && this.resting !== null && this.sameTarget(target, this.resting)) return;
    this.cancelRest();
    if (this.open !== null) this.scheduleHide();
    if (target === null) return;
    this.resting = target;
    const dwell = Math.max(this.dwellMs(), PREFETCH_DELAY_MS);
    this.prefetchTimer = this.timers.setTimeout(() => {
      this.prefetchTimer = null;
      this.effects.prefetch(target);
    }, PREFETCH_DELAY_MS);
    this.showTimer = this.timers.setTimeout(() => {
      this.showTimer = null;
      this.resting = null;
      this.cancelHide();
      if (this.open !== null) this.effects.hide('replaced');
      this.open = target;
      this.effects.show(target, 'hover');
    }, dwell);
  }

  pointerEnterCard(): void {
    this.overCard = true;
    this.cancelHide();
    this.cancelRest();
  }

  pointerLeaveCard(): void {
    this.overCard = false;
    if (this.open !== null) this.scheduleHide();
  }

  /** Keyboard shortcut or touch: open now, no dwell. */
  openNow(target: T, source: OpenSource): void {
    this.cancelRest();
    this.cancelHide();
    if (this.open !== null) this.effects.hide('replaced');
    this.open = target;
    this.effects.prefetch(target);
    this.effects.show(target, source);
  }

  /** Escape, a tap elsewhere, or the name leaving the page. */
  close(reason: 'escape' | 'gone' | 'left'): void {
    this.cancelRest();
    this.cancelHide();
    this.overCard = false;
    if (this.open === null) return;
    this.open = null;
    this.effects.hide(reason);
  }

  private scheduleHide() {
    if (this.hideTimer !== null) return;
    this.hideTimer = this.timers.setTimeout(() => {
      this.hideTimer = null;
      if (this.open === null || this.overCard) return;
      this.open = null;
      this.effects.hide('left');
    }, HIDE_DELAY_MS);
  }

  private cancelHide() {
    if (this.hideTimer !== null) this.timers.clearTimeout(this.hideTimer);
    this.hideTimer = null;
  }

  private cancelRest() {
    if (this.prefetchTimer !== null) this.timers.clearTimeout(this.prefetchTimer);
    if (this.showTimer !== null) this.timers.clearTimeout(this.showTimer);
    this.prefetchTimer = null;
    this.showTimer = null;
    this.resting = null;
  }
}
