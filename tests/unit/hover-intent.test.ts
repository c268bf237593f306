import { beforeEach, describe, expect, it } from 'vitest';
import { HIDE_DELAY_MS, HoverIntent, PREFETCH_DELAY_MS } from '../../lib/page/names/hover-intent';

/** A manual clock: timers fire only when the test advances time. */
function manualTimers() {
  let now = 0;
  let nextId = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  return {
    setTimeout(callback: () => void, ms: number) {
      const id = nextId++;
      pending.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(id: number) {
      pending.delete(id);
    },
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...pending].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].callback();
      }
      now = until;
    },
  };
}

let timers: ReturnType<typeof manualTimers>;
let log: string[];
let intent: HoverIntent<string>;
const DWELL = 400;

beforeEach(() => {
  timers = manualTimers();
  log = [];
  intent = new HoverIntent<string>(
    {
      prefetch: (t) => log.push(`prefetch ${t}`),
      show: (t, source) => log.push(`show ${t} (${source})`),
      hide: (reason) => log.push(`hide (${reason})`),
    },
    timers,
    () => DWELL,
  );
});

describe('HoverIntent', () => {
  it('fetches after the pointer rests and shows at the dwell delay', () => {
    intent.pointerOver('song-kang');
    timers.advance(PREFETCH_DELAY_MS - 1);
    expect(log).toEqual([]);
    timers.advance(1);
    expect(log).toEqual(['prefetch song-kang']);
    timers.advance(DWELL - PREFETCH_DELAY_MS - 1);
    expect(log).toEqual(['prefetch song-kang']);
    timers.advance(1);
    expect(log).toEqual(['prefetch song-kang', 'show song-kang (hover)']);
  });

  it('a glance that passes over names shows nothing and fetches nothing', () => {
    intent.pointerOver('song-kang');
    timers.advance(100);
    intent.pointerOver('han-so-hee');
    timers.advance(100);
    intent.pointerOver(null);
    timers.advance(2000);
    expect(log).toEqual([]);
  });

  it('keeps the card while the pointer travels to it and stays over it, hides after leaving', () => {
    intent.pointerOver('song-kang');
    timers.advance(DWELL);
    intent.pointerOver(null); // leaving the name toward the card
    timers.advance(HIDE_DELAY_MS - 50);
    intent.pointerEnterCard();
    timers.advance(5000);
    expect(log.at(-1)).toBe('show song-kang (hover)');
    intent.pointerLeaveCard();
    timers.advance(HIDE_DELAY_MS - 1);
    expect(log.at(-1)).toBe('show song-kang (hover)');
    timers.advance(1);
    expect(log.at(-1)).toBe('hide (left)');
  });

  it('coming back to the same name cancels the hide', () => {
    intent.pointerOver('song-kang');
    timers.advance(DWELL);
    intent.pointerOver(null);
    timers.advance(100);
    intent.pointerOver('song-kang');
    timers.advance(5000);
    expect(log).toEqual(['prefetch song-kang', 'show song-kang (hover)']);
  });

  it('resting on another name replaces the card at the dwell delay', () => {
    intent.pointerOver('song-kang');
    timers.advance(DWELL);
    intent.pointerOver('han-so-hee');
    timers.advance(DWELL);
    expect(log).toEqual([
      'prefetch song-kang',
      'show song-kang (hover)',
      'prefetch han-so-hee',
      'hide (left)',
      'show han-so-hee (hover)',
    ]);
  });

  it('keyboard and touch open at once; Escape closes at once', () => {
    intent.openNow('nevertheless', 'keyboard');
    expect(log).toEqual(['prefetch nevertheless', 'show nevertheless (keyboard)']);
    intent.close('escape');
    expect(log.at(-1)).toBe('hide (escape)');
    intent.close('escape'); // closing twice is harmless
    expect(log).toHaveLength(3);
  });
});
