import { describe, expect, it } from 'vitest';
import { badgeText, createBadge } from '../../lib/background/badge';
import { uiLocalizer } from '../../lib/i18n';
import { createDirectoryService, entityDirectory } from '../../lib/background/entity-directory';
import { acceptReport, acceptTabRequest } from '../../lib/background/message-guards';
import { createTabDetectionStore, mergeFrames, type SessionArea } from '../../lib/background/tab-detections';
import type { TabDetections } from '../../lib/messages';

/** storage.session in memory, with values copied as the real area does. */
function memorySession(): SessionArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key) => (data.has(key) ? { [key]: structuredClone(data.get(key)) } : {}),
    set: async (items) => {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    remove: async (key) => void data.delete(key),
  };
}

const report = (url: string, ...entities: [string, number][]) => ({
  url,
  detections: entities.map(([entityId, count], firstIndex) => ({ entityId, count, firstIndex })),
});

function setup() {
  const session = memorySession();
  let clock = 1000;
  const views: (TabDetections | null)[] = [];
  const store = createTabDetectionStore(session, { now: () => clock++, onChange: (_tab, view) => views.push(view) });
  return { session, store, views, tick: (ms: number) => (clock += ms) };
}

const TOP = 'https://fans.example/news';

describe('tab detections', () => {
  it('adds up the frames of a tab: top frame first, counts summed, first mentions re-ranked', async () => {
    const { store } = setup();
    await store.save(
      7,
      { frameId: 4, documentId: 'frame' },
      report('https://ads.example/', ['han-so-hee', 2], ['iu', 1]),
    );
    await store.save(7, { frameId: 0, documentId: 'top' }, report(TOP, ['song-kang', 3], ['han-so-hee', 1]));
    expect(await store.load(7)).toEqual({
      url: TOP,
      detections: [
        { entityId: 'song-kang', count: 3, firstIndex: 0 },
        { entityId: 'han-so-hee', count: 3, firstIndex: 1 },
        { entityId: 'iu', count: 1, firstIndex: 2 },
      ],
    });
    expect(await store.load(8)).toBeNull();
  });

  it('replaces a frame’s report when the frame reports again (a frame keeps its id when it navigates)', async () => {
    const { store } = setup();
    await store.save(1, { frameId: 0, documentId: 'top' }, report(TOP, ['song-kang', 1]));
    await store.save(1, { frameId: 3, documentId: 'a' }, report('https://a.example/', ['lee-ho-jung', 1]));
    await store.navigated(1, undefined); // the frame starts loading: no URL change for the tab
    await store.save(1, { frameId: 3, documentId: 'b' }, report('https://b.example/', ['han-so-hee', 1]));
    expect((await store.load(1))!.detections.map((d) => d.entityId)).toEqual(['song-kang', 'han-so-hee']);
  });

  it('forgets the tab when it navigates to another URL, but not on a #fragment jump', async () => {
    const { store, views } = setup();
    await store.save(2, { frameId: 0, documentId: 'top' }, report(`${TOP}#top`, ['song-kang', 1]));
    await store.navigated(2, `${TOP}#comments`);
    expect(await store.load(2)).not.toBeNull();
    await store.navigated(2, 'https://other.example/');
    // A page loaded while Dramalens ran: nothing reported yet means it names nothing.
    expect(await store.load(2)).toEqual({ url: '', detections: [] });
    expect(views.at(-1)).toEqual({ url: '', detections: [] });
  });

  it('knows a tab that never loaded a page while Dramalens ran (opened before install) from one that names nothing', async () => {
    const { store } = setup();
    expect(await store.load(7)).toBeNull();
    await store.navigated(7, undefined); // a reload: the content scripts run now
    expect(await store.load(7)).toEqual({ url: '', detections: [] });
  });

  it('on reload keeps the new page’s frames (even those that reported before its top frame) and drops the old', async () => {
    const { store, tick } = setup();
    await store.save(3, { frameId: 0, documentId: 'old-top' }, report(TOP, ['song-kang', 1]));
    await store.save(3, { frameId: 5, documentId: 'old-frame' }, report('https://a.example/', ['iu', 1]));
    tick(100);
    await store.navigated(3, undefined); // Chrome: a reload is `loading` without a URL
    tick(100);
    await store.save(3, { frameId: 6, documentId: 'new-frame' }, report('https://a.example/', ['iu', 1]));
    await store.save(3, { frameId: 0, documentId: 'new-top' }, report(TOP, ['song-kang', 1]));
    expect((await store.load(3))!.detections).toEqual([
      { entityId: 'song-kang', count: 1, firstIndex: 0 },
      { entityId: 'iu', count: 1, firstIndex: 1 },
    ]);
  });

  // Without the `tabs` permission a navigation comes as `loading` with no URL; once the tab has
  // loaded, the background asks the top frame's engine which page it shows.
  it('forgets the old page when the loaded tab’s top frame shows another page or none of Dramalens’s', async () => {
    const { store, views, tick } = setup();
    await store.save(9, { frameId: 0, documentId: 'top' }, report(TOP, ['song-kang', 1]));
    await store.save(9, { frameId: 2, documentId: 'frame' }, report('https://a.example/', ['iu', 1]));
    tick(100);
    await store.navigated(9, undefined);
    await store.settled(9, undefined); // a data: page or a browser page: no engine answers
    expect(await store.load(9)).toEqual({ url: '', detections: [] });
    expect(views.at(-1)).toEqual({ url: '', detections: [] });

    await store.save(9, { frameId: 0, documentId: 'top-2' }, report(TOP, ['song-kang', 1]));
    tick(100);
    await store.navigated(9, undefined);
    await store.settled(9, 'https://other.example/'); // a page without names: its engine answers
    expect(await store.load(9)).toEqual({ url: '', detections: [] });
  });

  it('keeps the names when the top frame still shows their page (a frame navigated, a #jump) or a new page reported', async () => {
    const { store, tick } = setup();
    await store.save(10, { frameId: 0, documentId: 'top' }, report(TOP, ['song-kang', 1]));
    await store.save(10, { frameId: 2, documentId: 'a' }, report('https://a.example/', ['iu', 1]));
    tick(100);
    await store.navigated(10, undefined);
    await store.settled(10, `${TOP}#comments`);
    expect((await store.load(10))!.detections.map((d) => d.entityId)).toEqual(['song-kang', 'iu']);

    tick(100);
    await store.navigated(10, undefined);
    tick(100);
    await store.save(10, { frameId: 0, documentId: 'next' }, report('https://fans.example/next', ['han-so-hee', 1]));
    await store.settled(10, 'https://fans.example/next');
    expect((await store.load(10))!.detections.map((d) => d.entityId)).toEqual(['han-so-hee']);
    // Nothing loading: nothing to settle.
    await store.settled(11, undefined);
    expect(await store.load(11)).toBeNull();
  });

  it('applies concurrent reports one after another, losing none', async () => {
    const { store } = setup();
    await Promise.all(
      Array.from({ length: 20 }, (_, frameId) =>
        store.save(
          4,
          { frameId, documentId: `d${frameId}` },
          report(`https://f${frameId}.example/`, [`e${frameId}`, 1]),
        ),
      ),
    );
    expect((await store.load(4))!.detections).toHaveLength(20);
  });

  it('removes the record on clear and when every frame is gone', async () => {
    const { store, session } = setup();
    await store.save(5, { frameId: 0 }, report(TOP, ['song-kang', 1]));
    expect(session.data.has('tab:5')).toBe(true);
    await store.clear(5);
    expect(session.data.has('tab:5')).toBe(false);
    expect(await store.load(5)).toBeNull();
  });

  it('survives a restarted worker: a new store over the same session area sees everything', async () => {
    const { store, session } = setup();
    await store.save(6, { frameId: 0, documentId: 'top' }, report(TOP, ['nevertheless', 4]));
    const restarted = createTabDetectionStore(session);
    expect((await restarted.load(6))!.detections[0]).toEqual({ entityId: 'nevertheless', count: 4, firstIndex: 0 });
  });

  it('merges nothing into nothing', () => {
    expect(mergeFrames({ frames: {} })).toBeNull();
  });
});

describe('badge', () => {
  it('shows the number of distinct names, nothing for none, and 99+ past two digits', () => {
    expect(badgeText(null)).toBe('');
    expect(badgeText({ url: TOP, detections: [] })).toBe('');
    expect(badgeText(mergeFrames({ frames: { 0: { reportedAt: 0, ...report(TOP, ['a', 5], ['b', 1]) } } }))).toBe('2');
    const many = Array.from({ length: 120 }, (_, i) => ({ entityId: `e${i}`, count: 1, firstIndex: i }));
    expect(badgeText({ url: TOP, detections: many })).toBe('99+');
  });

  it('sets the tab’s badge text and ignores a tab that has closed', async () => {
    const calls: { tabId: number; text: string }[] = [];
    const titles: { tabId: number; title: string }[] = [];
    const badge = createBadge(
      {
        setBadgeText: async (details) => {
          if (details.tabId === 99) throw new Error('No tab with id: 99');
          calls.push(details);
        },
        setBadgeBackgroundColor: async () => {},
        setTitle: async (details) => {
          if (details.tabId === 99) throw new Error('No tab with id: 99');
          titles.push(details);
        },
      },
      uiLocalizer(),
    );
    await badge.show(1, { url: TOP, detections: [{ entityId: 'iu', count: 2, firstIndex: 0 }] });
    await expect(badge.show(99, null)).resolves.toBeUndefined();
    expect(calls).toEqual([{ tabId: 1, text: '1' }]);
    // The tooltip says it in words.
    expect(titles).toEqual([{ tabId: 1, title: 'Dramalens: 1 name on this page' }]);
    await badge.show(2, {
      url: TOP,
      detections: [
        { entityId: 'iu', count: 2, firstIndex: 0 },
        { entityId: 'bts', count: 1, firstIndex: 4 },
      ],
    });
    await badge.show(3, null);
    expect(titles.slice(1)).toEqual([
      { tabId: 2, title: 'Dramalens: 2 names on this page' },
      { tabId: 3, title: 'Dramalens' },
    ]);
  });
});

describe('message guards', () => {
  const OURS = 'our-extension-id';
  const fromTab = { id: OURS, tab: { id: 12 }, frameId: 2, documentId: 'doc' };
  const valid = report(TOP, ['song-kang', 2]);

  it('accepts a well-formed report from our content script, with its tab, frame and document', () => {
    expect(acceptReport(fromTab, valid, OURS)).toEqual({
      tabId: 12,
      frame: { frameId: 2, documentId: 'doc' },
      report: valid,
    });
  });

  it('ignores other extensions, senders without a tab, and malformed payloads', () => {
    expect(acceptReport({ ...fromTab, id: 'someone-else' }, valid, OURS)).toBeUndefined();
    expect(acceptReport({ id: OURS, frameId: 0 }, valid, OURS)).toBeUndefined();
    expect(acceptReport(fromTab, { ...valid, extra: true }, OURS)).toBeUndefined();
    expect(acceptReport(fromTab, report(TOP, ['<script>', 1]), OURS)).toBeUndefined();
    expect(
      acceptReport(fromTab, { url: TOP, detections: [{ entityId: 'iu', count: -1, firstIndex: 0 }] }, OURS),
    ).toBeUndefined();
    expect(acceptReport(fromTab, 'not an object', OURS)).toBeUndefined();
  });

  it('answers tab requests from our own pages only', () => {
    expect(acceptTabRequest({ id: OURS }, { tabId: 3 }, OURS)).toBe(3);
    expect(acceptTabRequest({ id: 'other' }, { tabId: 3 }, OURS)).toBeUndefined();
    expect(acceptTabRequest({ id: OURS }, { tabId: -1 }, OURS)).toBeUndefined();
    expect(acceptTabRequest({ id: OURS }, { tabId: '3' }, OURS)).toBeUndefined();
  });
});

describe('entity directory', () => {
  const index = {
    dramas: [
      {
        id: 'nevertheless',
        kind: 'drama' as const,
        title: 'Nevertheless',
        hangul: '알고있지만',
        aliases: [],
        titleIsCommonWord: true,
        platforms: ['Netflix'],
        schedule: {
          timeZone: 'Asia/Seoul',
          slots: [{ days: ['sat' as const], time: '23:00' }],
          premiere: '2021-06-19',
        },
        cast: [{ personId: 'song-kang', role: 'main' as const }],
        sources: [{ url: 'https://example.org/' }],
        articleIds: ['a1', 'a2'],
      },
    ],
    people: [
      {
        id: 'song-kang',
        kind: 'person' as const,
        name: 'Song Kang',
        aliases: [],
        dramaIds: ['nevertheless'],
        sources: [],
        articleIds: ['a1'],
      },
    ],
  };

  it('keeps names and schedules and leaves the news out', () => {
    expect(entityDirectory(index)).toEqual({
      dramas: [
        {
          id: 'nevertheless',
          title: 'Nevertheless',
          hangul: '알고있지만',
          aliases: [],
          schedule: index.dramas[0].schedule,
        },
      ],
      people: [{ id: 'song-kang', name: 'Song Kang', aliases: [] }],
    });
  });

  it('is built from the index once, then answered from storage.session by a restarted worker', async () => {
    const session = memorySession();
    let parses = 0;
    const loadIndex = async () => {
      parses++;
      return index;
    };
    const first = createDirectoryService({ session, loadIndex, version: '1.0.0' });
    const built = await first.get();
    expect(await first.get()).toBe(built);
    const restarted = createDirectoryService({ session, loadIndex, version: '1.0.0' });
    expect(await restarted.get()).toEqual(built);
    expect(parses).toBe(1);
    // Another build of the extension never reads an older directory.
    await createDirectoryService({ session, loadIndex, version: '1.0.1' }).get();
    expect(parses).toBe(2);
  });
});
