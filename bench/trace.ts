// What a content script costs a page load, read from a Chrome trace, on the page's threads:
// - every complete event that names one of the extension's files (script evaluation and
//   compilation, callbacks, timers, module compilation);
// - module evaluation and code-cache production, which V8 reports without a file (the
//   benchmark's pages run no scripts of their own, so every module is the extension's);
// - the trace's own CPU samples whose stack runs through one of the extension's files: the
//   JavaScript no event names, such as an `await` resuming inside a microtask checkpoint (which
//   also runs the page's and the browser's microtasks, so the checkpoint itself is not counted),
//   with the browser work it calls (DOM reads, fetch, import).
// Overlaps are merged per thread. The floor extension is measured by exactly the same rule.
import type { CDPSession } from 'playwright-core';
import { median } from './stats';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time within the event (leaves out time the thread was descheduled). */
  tdur?: number;
  pid: number;
  tid: number;
  args?: {
    data?: { url?: string; frame?: string; cpuProfile?: CpuProfileChunk; timeDeltas?: number[]; startTime?: number };
    fileName?: string;
    url?: string;
  };
  id?: string;
}

interface CpuProfileChunk {
  nodes?: { id: number; parent?: number; callFrame: { url?: string; functionName?: string } }[];
  samples?: number[];
}

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.compile',
  'disabled-by-default-v8.cpu_profiler',
  'disabled-by-default-v8.cpu_profiler.hires',
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
  /**
   * The same work counted only while the thread was running: on this 2-core machine the page's
   * thread is often descheduled (the browser's other processes, the extension's worker answering
   * a message), and wall time charges those gaps to whatever was running when they began.
   */
  cpuMs: number;
  /** The longest task (RunTask) that ran any of that work. */
  longestTaskMs: number;
  /**
   * The most of that work inside any one task: tells a long task that is ours from one that is
   * the browser's own (layout, paint) with a little of ours in it.
   */
  mostOursInOneTaskMs: number;
  /** Frames the extension's scripts ran in. */
  frames: number;
  /**
   * Our scripts' milliseconds on the page process's other threads in the same window (V8 parsing
   * and compiling our modules in the background, `v8.parseOnBackground`), merged the same way.
   * Not the extension's service worker: it runs in the extension's own process, which a trace
   * started from the page's session does not record. Reported beside the page's cost, never added.
   */
  offThreadMs: number;
  /** Milliseconds per event name (nested events overlap; for explaining, not summing). */
  byName: Record<string, number>;
}

const scriptUrlOf = (e: TraceEvent) => e.args?.data?.url ?? e.args?.fileName ?? e.args?.url ?? '';

/** V8's events for script work that names no file: module evaluation and code caches. */
const UNNAMED_SCRIPT_WORK = new Set(['v8.evaluateModule', 'v8.produceModuleCache']);

/**
 * The intervals, per thread, of CPU samples whose stack includes an extension file. A trace's
 * profile comes as a `Profile` event (start time, thread) and `ProfileChunk` events (new stack
 * nodes, samples, time deltas) with the same id.
 */
function extensionSamples(
  events: TraceEvent[],
): Map<string, { wall: [number, number][]; running: [number, number][] }> {
  const profiles = new Map<
    string,
    { thread: string; time: number; parent: Map<number, number>; ours: Map<number, boolean>; url: Map<number, string> }
  >();
  const out = new Map<string, { wall: [number, number][]; running: [number, number][] }>();
  for (const e of events) {
    if (e.name === 'Profile' && e.id) {
      profiles.set(`${e.pid}:${e.id}`, {
        thread: `${e.pid}:${e.tid}`,
        time: e.args?.data?.startTime ?? e.ts,
        parent: new Map(),
        ours: new Map(),
        url: new Map(),
      });
    }
  }
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || !e.id) continue;
    const profile = profiles.get(`${e.pid}:${e.id}`);
    const chunk = e.args?.data?.cpuProfile;
    if (!profile || !chunk) continue;
    for (const node of chunk.nodes ?? []) {
      if (node.parent !== undefined) profile.parent.set(node.id, node.parent);
      profile.url.set(node.id, node.callFrame.url ?? '');
    }
    const isOurs = (id: number): boolean => {
      const known = profile.ours.get(id);
      if (known !== undefined) return known;
      const up = profile.parent.get(id);
      const result = (profile.url.get(id) ?? '').startsWith('chrome-extension://') || (up !== undefined && isOurs(up));
      profile.ours.set(id, result);
      return result;
    };
    const deltas = e.args?.data?.timeDeltas ?? [];
    const samples = chunk.samples ?? [];
    const lists = out.get(profile.thread) ?? { wall: [], running: [] };
    // The sampler ticks about every 0.2 ms; a longer gap is time the thread was not running
    // (descheduled on this 2-core machine): `running` counts a sample for one tick at most.
    const tick = 2 * median(deltas) || Infinity;
    for (let i = 0; i < samples.length; i++) {
      const from = profile.time;
      profile.time += deltas[i] ?? 0;
      // A sample stands for the time since the previous one.
      if (!isOurs(samples[i])) continue;
      lists.wall.push([from, profile.time]);
      lists.running.push([Math.max(from, profile.time - tick), profile.time]);
    }
    out.set(profile.thread, lists);
  }
  return out;
}

/**
 * The cost of the one extension loaded in the traced browser. Its files are under
 * `chrome-extension://`: the fixed id, or the per-session one web-accessible files load from.
 */
export function loadCost(events: TraceEvent[]): LoadCost {
  const isOurs = (e: TraceEvent) => scriptUrlOf(e).startsWith('chrome-extension://');
  // Page threads: where a script of ours ran inside a frame (not the background's own thread).
  const pageThreads = new Set(events.filter((e) => e.args?.data?.frame && isOurs(e)).map((e) => `${e.pid}:${e.tid}`));
  // The page process's other threads where our scripts were parsed or compiled (outside any frame).
  const workerThreads = new Set(
    events.filter((e) => !e.args?.data?.frame && isOurs(e) && e.ph === 'X').map((e) => `${e.pid}:${e.tid}`),
  );
  for (const thread of pageThreads) workerThreads.delete(thread);
  const ours = events.filter(
    (e) =>
      e.ph === 'X' &&
      typeof e.dur === 'number' &&
      pageThreads.has(`${e.pid}:${e.tid}`) &&
      (UNNAMED_SCRIPT_WORK.has(e.name) || isOurs(e)),
  );
  const byThread = new Map<string, [number, number][]>();
  const workerIntervals = new Map<string, [number, number][]>();
  const byName: Record<string, number> = {};
  const samples = extensionSamples(events);
  // The same work counted only while the thread ran: each event for its thread time (from its
  // start), each sample for one sampling tick at most.
  const running = new Map<string, [number, number][]>();
  for (const [thread, { wall: intervals, running: ran }] of samples) {
    if (workerThreads.has(thread)) workerIntervals.set(thread, [...intervals]);
    if (pageThreads.has(thread)) running.set(thread, ran);
    if (!pageThreads.has(thread) || intervals.length === 0) continue;
    byThread.set(thread, [...intervals]);
    byName['(JavaScript samples)'] = intervals.reduce((sum, [a, b]) => sum + (b - a) / 1000, 0);
  }
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || typeof e.dur !== 'number' || !workerThreads.has(key) || !isOurs(e)) continue;
    const list = workerIntervals.get(key) ?? [];
    list.push([e.ts, e.ts + e.dur]);
    workerIntervals.set(key, list);
  }
  const offThreadMs = mergedLength(workerIntervals) / 1000;
  const frames = new Set<string>();
  for (const e of ours) {
    const key = `${e.pid}:${e.tid}`;
    const list = byThread.get(key) ?? [];
    list.push([e.ts, e.ts + e.dur!]);
    byThread.set(key, list);
    const ran = running.get(key) ?? [];
    ran.push([e.ts, e.ts + Math.min(e.dur!, e.tdur ?? e.dur!)]);
    running.set(key, ran);
    byName[e.name] = (byName[e.name] ?? 0) + e.dur! / 1000;
    const frame = e.args?.data?.frame;
    if (frame && e.name === 'EvaluateScript' && isOurs(e)) frames.add(frame);
  }
  const cpuMs = mergedLength(running) / 1000;
  let totalUs = 0;
  if (byThread.size === 0)
    return { ms: 0, cpuMs: 0, longestTaskMs: 0, mostOursInOneTaskMs: 0, frames: 0, offThreadMs, byName };
  // Per thread, our intervals with overlaps merged, in order.
  const merged = new Map<string, { from: number; to: number }[]>();
  for (const [key, intervals] of byThread) {
    intervals.sort((a, b) => a[0] - b[0]);
    const list: { from: number; to: number }[] = [];
    let [from, to] = intervals[0];
    for (const [s, e] of intervals.slice(1)) {
      if (s <= to) to = Math.max(to, e);
      else {
        list.push({ from, to });
        [from, to] = [s, e];
      }
    }
    list.push({ from, to });
    merged.set(key, list);
    for (const m of list) totalUs += m.to - m.from;
  }
  let longestUs = 0;
  let mostOursUs = 0;
  for (const task of events) {
    if (task.name !== 'RunTask' || task.ph !== 'X' || typeof task.dur !== 'number') continue;
    const ours = merged.get(`${task.pid}:${task.tid}`);
    if (!ours) continue;
    const end = task.ts + task.dur;
    let oursUs = 0;
    for (const m of ours) {
      if (m.from < end && m.to > task.ts) oursUs += Math.min(m.to, end) - Math.max(m.from, task.ts);
    }
    if (oursUs === 0) continue;
    longestUs = Math.max(longestUs, task.dur);
    mostOursUs = Math.max(mostOursUs, oursUs);
  }
  return {
    ms: totalUs / 1000,
    cpuMs,
    longestTaskMs: longestUs / 1000,
    mostOursInOneTaskMs: mostOursUs / 1000,
    frames: frames.size,
    offThreadMs,
    byName,
  };
}

/** Microseconds covered by the intervals of each thread, overlaps merged. */
function mergedLength(byThread: Map<string, [number, number][]>): number {
  let total = 0;
  for (const intervals of byThread.values()) {
    intervals.sort((a, b) => a[0] - b[0]);
    let to = -Infinity;
    for (const [s, e] of intervals) {
      if (s > to) {
        total += e - s;
        to = e;
      } else if (e > to) {
        total += e - to;
        to = e;
      }
    }
  }
  return total;
}
