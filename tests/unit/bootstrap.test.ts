// @vitest-environment happy-dom
// The bootstrap every frame runs: which frames ask the matcher, what text they send, and when the
// engine loads. The matcher is a fixture here: it says 'maybe' for text holding "Song Kang".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ASK_MAX_CHARS, bootstrap, NOTHING_NAMED_MARK, type NamesAnswer } from '../../lib/page/bootstrap';

let timers: (() => void)[] = [];
/** Runs the bootstrap's timers, letting the DOM's observers and the answers' promises settle. */
async function settle(rounds = 4) {
  for (let r = 0; r < rounds; r++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const due = timers;
    timers = [];
    for (const run of due) run();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

interface Run {
  asked: string[][];
  /** Whether each question said the text holds nothing the exact pass skips. */
  nearCues: boolean[];
  started: number;
}

function run(
  answer: (texts: string[]) => Promise<NamesAnswer> = async (texts) =>
    texts.join('').includes('Song Kang') ? 'maybe' : 'none',
  size = { innerWidth: 800, innerHeight: 600 },
): Run {
  const result: Run = { asked: [], nearCues: [], started: 0 };
  Object.defineProperty(window, 'innerWidth', { value: size.innerWidth, configurable: true });
  Object.defineProperty(window, 'innerHeight', { value: size.innerHeight, configurable: true });
  bootstrap({
    document,
    window,
    askNames: (texts, nearCues) => {
      result.asked.push(texts);
      result.nearCues.push(nearCues);
      return answer(texts);
    },
    startEngine: () => result.started++,
    setTimeout: (callback) => timers.push(callback),
    MutationObserver,
    now: () => 0,
  });
  return result;
}

/** A frame showing `html`, its bootstrap started and settled. */
async function runOn(html: string, ...args: Parameters<typeof run>): Promise<Run> {
  document.body.innerHTML = html;
  const result = run(...args);
  await settle();
  return result;
}

const nothingNamedMarks = () => performance.getEntriesByName(NOTHING_NAMED_MARK).length;

beforeEach(() => {
  timers = [];
  performance.clearMarks();
  document.body.innerHTML = '';
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('bootstrap', () => {
  it('asks once about every read text node of a frame that names nothing (no script or style), and loads no engine', async () => {
    document.body.innerHTML =
      '<p>Weather: <b>sunny</b>, then rain.</p><style>.Song-Kang{}</style><div>Second block</div>' +
      '<script>var cast = "Song Kang";</script>';
    // A built-in host without children (happy-dom has no XPath for custom elements).
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>inside a shadow root</p>';
    document.body.append(host);
    const r = run();
    await settle();
    expect(r.asked).toHaveLength(1);
    expect(r.asked[0]).toEqual(['Weather: ', 'sunny', ', then rain.', 'Second block', 'inside a shadow root']);
    expect(r.started).toBe(0);
    expect(nothingNamedMarks()).toBe(1);
  });

  it('leaves out the text the exact pass skips, and says when some could not be left out', async () => {
    const r = await runOn(
      '<p>Mouse</p><textarea>typed drama</textarea><code>drama()</code><select><option>drama</option></select>',
    );
    expect(r.asked).toEqual([['Mouse']]);
    expect(r.nearCues).toEqual([true]);
    // Highlighted code: its text sits deeper than a direct child of <pre>.
    const deep = await runOn('<p>Mouse</p><pre><span>drama</span></pre>');
    expect(deep.asked[0]).toEqual(['Mouse', 'drama']);
    expect(deep.nearCues).toEqual([false]);
    // An icon's title is a direct child of a skipped element; SVG text is not.
    const icon = await runOn('<p>Mouse</p><svg><title>Menu drama</title></svg>');
    expect(icon.asked[0]).toEqual(['Mouse']);
    expect(icon.nearCues).toEqual([true]);
    const svgText = await runOn('<p>Mouse</p><svg><text>a drama</text></svg>');
    expect(svgText.nearCues).toEqual([false]);
    const editable = await runOn('<p>Mouse</p><div contenteditable="true">my drama</div>');
    expect(editable.nearCues).toEqual([false]);
  });

  it('loads the engine when the matcher says the text may name something', async () => {
    const r = await runOn('<p>Song Kang in a new drama.</p>');
    expect(r.asked).toHaveLength(1);
    expect(r.started).toBe(1);
    expect(nothingNamedMarks()).toBe(0);
  });

  it('leaves a frame with more text than one message should carry to the engine, which asks in slices', async () => {
    const paragraph = `<p>${'Weather and markets. '.repeat(1000)}</p>`;
    const r = await runOn(paragraph.repeat(Math.ceil(ASK_MAX_CHARS / 21_000) + 1));
    expect(r.asked).toEqual([]);
    expect(r.started).toBe(1);
  });

  it('loads the engine when the matcher cannot be asked (the engine asks again and reports it)', async () => {
    const r = await runOn('<p>Any text.</p>', () => Promise.reject(new Error('no receiver')));
    expect(r.started).toBe(1);
  });

  it('asks about the changed block after "nothing", and starts the engine when a name comes', async () => {
    const r = await runOn('<p>Weather report.</p><div id="feed"><span>Song</span></div>');
    expect(r.started).toBe(0);
    // " Kang" alone names nothing: the block around the change is what gets asked about.
    document.getElementById('feed')!.append(document.createTextNode(' Kang'));
    await settle();
    expect(r.asked).toHaveLength(2);
    expect(r.asked[1]).toEqual(['Song', ' Kang']);
    expect(r.started).toBe(1);
  });

  it('keeps watching after a change that names nothing', async () => {
    const r = await runOn('<p>Weather report.</p>');
    const p = document.createElement('p');
    p.textContent = 'More weather.';
    document.body.append(p);
    await settle();
    expect(r.asked).toEqual([['Weather report.'], ['More weather.']]);
    expect(r.started).toBe(0);
    p.textContent = 'Song Kang after all.';
    await settle();
    expect(r.started).toBe(1);
  });

  it('asks nothing in a frame without readable text until text comes', async () => {
    const r = await runOn('<script>var x = "Song Kang";</script>  ');
    expect(r.asked).toEqual([]);
    document.body.insertAdjacentHTML('beforeend', '<p>Song Kang at last.</p>');
    await settle();
    expect(r.asked).toHaveLength(1);
    expect(r.started).toBe(1);
  });

  it('asks nothing in a frame laid out at no size until it is shown', async () => {
    const r = await runOn('<p>Song Kang hidden away.</p>', undefined, { innerWidth: 0, innerHeight: 0 });
    expect(r.asked).toEqual([]);
    Object.defineProperty(window, 'innerWidth', { value: 300, configurable: true });
    Object.defineProperty(window, 'innerHeight', { value: 150, configurable: true });
    window.dispatchEvent(new Event('resize'));
    await settle();
    expect(r.asked).toHaveLength(1);
    expect(r.started).toBe(1);
  });
});
