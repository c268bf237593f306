// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { compileDictionary } from '../../lib/match/compile';
import { dictionaryInput } from '../../lib/match/dictionary-input';
import { BLOCK_BREAK, findMatches, loadDictionary } from '../../lib/match/matcher';
import { collectText } from '../../lib/page/text-collector';
import { localNameMatching } from '../../lib/match/page-matching';
import { DEFAULT_TUNING, PageScanner, type PageScannerEnvironment } from '../../lib/page/engine/page-scanner';
import { DetectionsReport } from '../../lib/page/names/detections-report';
import { NamePainter, type Detection } from '../../lib/page/names/name-painter';
import { visibleEntityPredicate } from '../../lib/page/names/visible-entities';

const matcher = loadDictionary(
  compileDictionary(
    dictionaryInput(
      [
        {
          id: 'nevertheless',
          title: 'Nevertheless',
          aliases: [],
          titleIsCommonWord: true,
          castIds: ['song-kang', 'han-so-hee'],
        },
        { id: 'my-mister', title: 'My Mister', aliases: [], titleIsCommonWord: false, castIds: ['iu'] },
      ],
      [
        { id: 'song-kang', name: 'Song Kang', aliases: [], dramaIds: ['nevertheless'] },
        { id: 'han-so-hee', name: 'Han So-hee', aliases: [], dramaIds: ['nevertheless'] },
        { id: 'iu', name: 'IU', aliases: [], dramaIds: ['my-mister'] },
      ],
    ),
  ),
);

describe('collectText', () => {
  it('reads inline text as one run and breaks at blocks and <br>', () => {
    document.body.innerHTML = '<p><b>Song</b> Kang</p><p>Han</p><div>So<br>Hee</div><ul><li>A</li><li>B</li></ul>';
    const { text } = collectText(document.body);
    expect(text.split(BLOCK_BREAK)).toEqual(['Song Kang', 'Han', 'So', 'Hee', 'A', 'B']);
  });

  it('skips scripts, styles, form fields, code, editable regions and our own UI', () => {
    document.body.innerHTML = `
      <p>visible</p><script>var songKang = 1</script><style>p{}</style><noscript>ns</noscript>
      <textarea>typed</textarea><select><option>opt</option></select><code>code</code><pre>pre</pre>
      <div contenteditable="true">editing <b>bold</b></div><div contenteditable="false">shown</div>
      <template><p>tpl</p></template><dramalens-ui>card</dramalens-ui>`;
    const { text } = collectText(document.body, { isOwnUi: (e) => e.localName === 'dramalens-ui' });
    const words = text
      .split(BLOCK_BREAK)
      .map((s) => s.trim())
      .filter(Boolean);
    expect(words).toEqual(['visible', 'shown']);
  });

  it('maps every text node to its offset in the collected text', () => {
    document.body.innerHTML = '<p>ab<i>cd</i>ef</p><p>gh</p>';
    const { text, nodes, starts } = collectText(document.body);
    nodes.forEach((node, i) => expect(text.slice(starts[i], starts[i] + node.data.length)).toBe(node.data));
  });
});

/**
 * A scanner on happy-dom with a fake highlight registry and synchronous scheduling, put
 * together with its painter and report as the names module does on a page with names.
 */
function createScanner(tuning = DEFAULT_TUNING) {
  const registry = new Map<string, Set<AbstractRange>>();
  const reports: Detection[][] = [];
  const timers: (() => void)[] = [];
  const batches: (() => void)[] = [];
  const timerEnv = {
    setTimeout: (callback: () => void) => timers.push(callback),
    clearTimeout: () => {},
  };
  let reporter: DetectionsReport | undefined;
  const env: PageScannerEnvironment = {
    document,
    now: () => 0,
    yieldToPage: () => Promise.resolve(),
    scheduleBatch: (callback) => batches.push(callback),
    ...timerEnv,
    MutationObserver,
    // happy-dom has no StaticRange; the scanner only needs its four fields.
    createStaticRange: (init) => ({ ...init, collapsed: false }) as StaticRange,
    isOwnUi: (e) => e.localName === 'dramalens-ui',
    onOccurrencesChanged: () => reporter?.schedule(),
  };
  const scanner = new PageScanner(localNameMatching(matcher), env, tuning);
  const painter = new NamePainter(
    scanner.entities,
    scanner.found,
    {
      registry: registry as unknown as HighlightRegistry,
      createHighlight: () => new Set<AbstractRange>() as unknown as Highlight,
    },
    () => true,
  );
  scanner.attachPainter(painter);
  reporter = new DetectionsReport(
    () => painter.detections(),
    (d) => reports.push(d),
    timerEnv,
    0,
  );
  const setVisible = (isVisible: Parameters<NamePainter['setVisible']>[0]) => {
    painter.setVisible(isVisible);
    reporter!.schedule();
  };
  const painted = (name: string) =>
    [...(registry.get(name) ?? [])].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
  const flush = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0)); // let MutationObserver deliver
    while (batches.length > 0) batches.shift()!();
    await scanner.settled(); // the matcher answers asynchronously
    while (batches.length > 0) batches.shift()!();
    await scanner.settled();
    while (timers.length > 0) timers.shift()!();
  };
  return { scanner, painted, reports, flush, setVisible };
}

describe('PageScanner', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('paints dramas and actors without changing the DOM', async () => {
    document.body.innerHTML =
      '<h1>Behind the scenes of “Nevertheless”</h1><p><b>Song</b> Kang and Han So Hee film a scene.</p><textarea>Song Kang</textarea>';
    const before = document.body.innerHTML;
    const { scanner, painted, reports, flush } = createScanner();
    await scanner.start();
    await flush();
    expect(painted('dramalens-drama')).toEqual(['Nevertheless']);
    expect(painted('dramalens-actor')).toEqual(['Song Kang', 'Han So Hee']);
    expect(document.body.innerHTML).toBe(before);
    expect(reports.at(-1)).toEqual([
      { entityId: 'nevertheless', count: 1, firstIndex: 0 },
      { entityId: 'song-kang', count: 1, firstIndex: 1 },
      { entityId: 'han-so-hee', count: 1, firstIndex: 2 },
    ]);
  });

  it('follows inserted, edited and removed text', async () => {
    document.body.innerHTML = '<p id="a">Nothing yet.</p>';
    const { scanner, painted, flush } = createScanner();
    await scanner.start();
    const p = document.createElement('p');
    p.textContent = 'IU stars in My Mister.';
    document.body.append(p);
    await flush();
    expect(painted('dramalens-actor')).toEqual(['IU']);
    expect(painted('dramalens-drama')).toEqual(['My Mister']);

    (document.getElementById('a')!.firstChild as Text).data = 'Song Kang waves.';
    await flush();
    expect(painted('dramalens-actor').sort()).toEqual(['IU', 'Song Kang']);

    p.remove();
    await flush();
    expect(painted('dramalens-actor')).toEqual(['Song Kang']);
    expect(painted('dramalens-drama')).toEqual([]);
  });

  it('paints every name but the muted ones, or only followed dramas and their cast, live', async () => {
    document.body.innerHTML = '<p>IU in My Mister; Song Kang in “Nevertheless”.</p>';
    const { scanner, painted, reports, flush, setVisible } = createScanner();
    await scanner.start();
    const none = { dramas: [], people: [] };
    // Muting a drama hides it, not its cast.
    setVisible(
      visibleEntityPredicate({
        follows: {},
        muted: { dramas: ['nevertheless'], people: [] },
        highlightScope: 'all',
      }),
    );
    await flush();
    expect(painted('dramalens-drama')).toEqual(['My Mister']);
    expect(painted('dramalens-actor')).toEqual(['IU', 'Song Kang']);
    // Muting a person hides that person, and the report no longer counts them.
    setVisible(visibleEntityPredicate({ follows: {}, muted: { dramas: [], people: ['iu'] }, highlightScope: 'all' }));
    await flush();
    expect(painted('dramalens-actor')).toEqual(['Song Kang']);
    expect(reports.at(-1)!.map((d) => d.entityId)).not.toContain('iu');
    // Only followed: My Mister and its cast.
    const follows = { 'my-mister': { status: 'watching' as const } };
    setVisible(visibleEntityPredicate({ follows, muted: none, highlightScope: 'followed' }));
    await flush();
    expect(painted('dramalens-drama')).toEqual(['My Mister']);
    expect(painted('dramalens-actor')).toEqual(['IU']);
    expect(reports.at(-1)!.map((d) => d.entityId)).toEqual(['iu', 'my-mister']);
    setVisible(visibleEntityPredicate({ follows: {}, muted: none, highlightScope: 'all' }));
    expect(painted('dramalens-actor')).toEqual(['IU', 'Song Kang']);
  });

  it('stop() removes every highlight', async () => {
    document.body.innerHTML = '<p>Song Kang</p>';
    const { scanner, painted } = createScanner();
    await scanner.start();
    expect(painted('dramalens-actor')).toEqual(['Song Kang']);
    scanner.stop();
    expect(painted('dramalens-actor')).toEqual([]);
  });

  it('falls back to one full rescan for a burst of mutations', async () => {
    document.body.innerHTML = '<div id="feed"></div>';
    const { scanner, painted, flush } = createScanner({ ...DEFAULT_TUNING, burstLimit: 20, rescanIntervalMs: 0 });
    await scanner.start();
    const rescan = vi.spyOn(scanner, 'rescanAll');
    const feed = document.getElementById('feed')!;
    for (let i = 0; i < 50; i++) {
      const p = document.createElement('p');
      p.textContent = i % 10 === 0 ? 'IU sings.' : `Line ${i}`;
      feed.append(p);
    }
    await flush();
    await flush();
    expect(rescan).toHaveBeenCalledTimes(1);
    expect(painted('dramalens-actor')).toEqual(['IU', 'IU', 'IU', 'IU', 'IU']);
  });

  it('finds on random pages exactly what matching the whole exact text finds', async () => {
    // The scanner reads rough text and reads exact text only around hits; the oracle reads the
    // exact text of the whole page. Pieces mix names split across inline elements, blocks with
    // no whitespace between them (minified pages), skipped regions, cues and long filler, so
    // windows merge, stay apart, and cut through text nodes.
    let seed = 7;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const filler = 'the cast of the film met fans in Seoul while the series went on air ';
    const pieces = [
      () => 'Song Kang',
      () => '<b>Song</b> Kang',
      () => 'Han So-hee',
      () => 'Han<i> So</i>hee',
      () => '“Nevertheless”',
      () => 'Nevertheless, ',
      () => '. Nevertheless the drama',
      () => 'IU',
      () => 'My Mister',
      () => 'episode ',
      () => 'Songs ',
      () => 'IUs ',
      () => '</p><p>',
      () => '<br>',
      () => '</p><p>Song</p><p>Kang',
      () => '<code>Song Kang</code> then ',
      () => '<textarea>IU</textarea> then ',
      () => ' ',
      () => filler.repeat(1 + rand(4)),
    ];
    let compared = 0;
    for (let page = 0; page < 150; page++) {
      const parts: string[] = [];
      for (let i = 0, n = 5 + rand(30); i < n; i++) parts.push(pieces[rand(pieces.length)]());
      document.body.innerHTML = `<p>${parts.join(rand(2) ? ' ' : '')}</p>`;
      // Small slices too: they end only at block boundaries, so no name straddles two. (The
      // context of an ordinary-word title does not reach into another slice: compare those
      // only when the page is one slice.)
      const small = rand(2) === 0;
      const exact = collectText(document.body, { isOwnUi: (e) => e.localName === 'dramalens-ui' });
      const comparable = (name: string) => !small || !name.startsWith('nevertheless:');
      const expected = findMatches(matcher, exact.text)
        .map((m) => `${matcher.entityId(m.entity)}:${exact.text.slice(m.start, m.end)}`)
        .filter(comparable);
      const { scanner } = createScanner({ ...DEFAULT_TUNING, sliceChars: small ? 1 + rand(400) : 16_000 });
      await scanner.start();
      const actual = scanner.names
        .map((o) => {
          const range = document.createRange();
          range.setStart(o.range.startContainer, o.range.startOffset);
          range.setEnd(o.range.endContainer, o.range.endOffset);
          return `${matcher.entityId(o.entity)}:${range.toString()}`;
        })
        .filter(comparable);
      scanner.dispose();
      expect(actual, document.body.innerHTML).toEqual(expected);
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(300);
  });
});
