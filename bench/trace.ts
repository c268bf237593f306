// What a content script costs a page load, read from a Chrome trace: the main-thread time of
// every complete event that names one of the extension's scripts (evaluation, compilation,
// callbacks, timers, module loads), plus the microtask checkpoints, since an `await` in a
// content script resumes inside them and no event there names a script. Overlaps are merged
// per thread. The corpus pages run no scripts of their own, so the microtasks are the
// extension's; the floor extension is measured by exactly the same rule.
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; frame?: string }; fileName?: string };
}

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.compile',
];

/** Starts tracing on `cdp`; the returned function stops it and resolves with the events. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const onData = (event: { value: unknown[] }) => {
    for (const e of event.value) events.push(e as TraceEvent);
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: TRACE_CATEGORIES },
    transferMode: 'ReportEvents',
  } as never);
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}

export interface LoadCost {
  /** Main-thread milliseconds of the extension's work, overlaps merged. */
  ms: number;
  /** The longest task (RunTask) that ran any of that work. */
  longestTaskMs: number;
  /** Frames the extension's scripts ran in. */
  frames: number;
  /** Milliseconds per event name (nested events overlap; for explaining, not summing). */
  byName: Record<string, number>;
}

const scriptUrlOf = (e: TraceEvent) => e.args?.data?.url ?? e.args?.fileName ?? '';

/** The cost of the extension whose scripts live under `origin` (`chrome-extension://<id>/`). */
export function loadCost(events: TraceEvent[], origin: string): LoadCost {
  // Page threads: where a script of ours ran inside a frame (not the background's own thread).
  const pageThreads = new Set(
    events.filter((e) => e.args?.data?.frame && scriptUrlOf(e).startsWith(origin)).map((e) => `${e.pid}:${e.tid}`),
  );
  const ours = events.filter(
    (e) =>
      e.ph === 'X' &&
      typeof e.dur === 'number' &&
      pageThreads.has(`${e.pid}:${e.tid}`) &&
      (e.name === 'RunMicrotasks' || scriptUrlOf(e).startsWith(origin)),
  );
  const byThread = new Map<string, [number, number][]>();
  const byName: Record<string, number> = {};
  const frames = new Set<string>();
  for (const e of ours) {
    const key = `${e.pid}:${e.tid}`;
    const list = byThread.get(key) ?? [];
    list.push([e.ts, e.ts + e.dur!]);
    byThread.set(key, list);
    byName[e.name] = (byName[e.name] ?? 0) + e.dur! / 1000;
    const frame = e.args?.data?.frame;
    if (frame && scriptUrlOf(e).startsWith(origin)) frames.add(frame);
  }
  let totalUs = 0;
  if (byThread.size === 0) return { ms: 0, longestTaskMs: 0, frames: 0, byName };
  const merged: { key: string; from: number; to: number }[] = [];
  for (const [key, intervals] of byThread) {
    intervals.sort((a, b) => a[0] - b[0]);
    let [from, to] = intervals[0];
    for (const [s, e] of intervals.slice(1)) {
      if (s <= to) to = Math.max(to, e);
      else {
        merged.push({ key, from, to });
        [from, to] = [s, e];
      }
    }
    merged.push({ key, from, to });
  }
  for (const m of merged) totalUs += m.to - m.from;
  let longestUs = 0;
  for (const task of events) {
    if (task.name !== 'RunTask' || task.ph !== 'X' || typeof task.dur !== 'number') continue;
    const key = `${task.pid}:${task.tid}`;
    const end = task.ts + task.dur;
    if (task.dur > longestUs && merged.some((m) => m.key === key && m.from < end && m.to > task.ts)) {
      longestUs = task.dur;
    }
  }
  return { ms: totalUs / 1000, longestTaskMs: longestUs / 1000, frames: frames.size, byName };
}
