// What every frame runs: decide cheaply whether the frame is worth the engine, and load it (a
// separate module, fetched from the extension) only then.
// - A frame without text a reader can see (empty, invisible, ad frames) touches no extension
//   API; a light watch notices text or a size that comes later.
// - A frame with text asks the background's matcher once whether anything in it may be a name:
//   its text nodes' strings, read as the engine's rough step reads them (the document and its
//   open shadow roots, in one request), without the text the exact pass skips. Most pages
//   name nothing, and for them this is all the work. With the skipped text out, an
//   ordinary-word title counts only with a cue within the exact pass's reach (distances in
//   this text are never longer than in the exact text); where some skipped text could not be
//   left out (it sits deeper than a direct child), one cue anywhere supports it, as in the
//   engine's rough step, and one request finds at least what the engine's slices would.
// - After an answer of "nothing", changes are watched as the engine would follow them: the
//   changed blocks' text is asked about, and the engine loads with the first that may name one.
import { holdsDeepSkippedText, SKIPPED_AROUND, SKIPPED_TAGS } from './blocks';
import { MutationBatcher } from './mutation-batcher';
import { findShadowRoots } from './shadow-roots';

/** Elements whose text nobody reads: text in them does not make a frame worth scanning. */
const NOT_READ = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Whether the document has a text node with a visible character outside scripts and styles. */
export function hasReadableText(doc: Document): boolean {
  const body = doc.body;
  if (!body) return false;
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (/\S/.test((node as Text).data) && !NOT_READ.has(node.parentNode?.nodeName ?? '')) return true;
  }
  return false;
}

/** A frame laid out at (nearly) no size cannot be read: a hidden or tracking frame. */
export const isVisibleFrame = (win: Window) => win.innerWidth >= 2 && win.innerHeight >= 2;

/** What the background's matcher says of some of a frame's text. */
export type NamesAnswer = 'none' | 'maybe';

export interface BootstrapEnvironment {
  document: Document;
  window: Window;
  /**
   * Asks the matcher whether text nodes' strings may hold a name ('maybe' also when the
   * settings keep Dramalens off here: the engine follows the settings). `nearCues`: the texts
   * hold nothing the exact pass skips, so an ordinary-word name needs a cue near it
   * (lib/match/page-matching.ts `nameMayStand`). A rejection loads the engine, which then does
   * its own asking.
   */
  askNames: (texts: string[], nearCues: boolean) => Promise<NamesAnswer>;
  /** Loads and starts the engine; called at most once. */
  startEngine: () => void;
  setTimeout: (callback: () => void, ms: number) => number;
  MutationObserver: typeof MutationObserver;
  now: () => number;
}

/** How long a frame's changes are left to settle before its text is looked at again. */
export const RECHECK_DELAY_MS = 250;
/** The longest stretch of reading before the page gets the main thread back. */
export const READ_BUDGET_MS = 8;

/**
 * The most text asked about in one message: a longer frame (a 5 MB page) goes to the engine,
 * which asks in slices, so no single message's serialisation holds the main thread long.
 */
export const ASK_MAX_CHARS = 500_000;

/** Test and bench seam: the frame's text has been asked about and named nothing (so far). */
export const NOTHING_NAMED_MARK = 'dramalens:nothing-named';

const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true };

export function bootstrap(env: BootstrapEnvironment): void {
  const { document: doc } = env;
  // Text first: reading a frame's size may lay it out, and most frames without text are empty.
  const ready = () => hasReadableText(doc) && isVisibleFrame(env.window);
  type Phase = 'waiting' | 'asking' | 'idle' | 'started';
  let phase: Phase = 'waiting';
  let checkPending = false;
  const changes = new MutationBatcher();
  const observer = new env.MutationObserver((records) => {
    if (phase === 'started') return;
    // While the first answer is on its way, changes are kept too: the walk may have passed them.
    if (phase !== 'waiting') changes.record(records);
    scheduleCheck();
  });
  const onResize = () => scheduleCheck();

  const start = () => {
    phase = 'started';
    observer.disconnect();
    env.window.removeEventListener('resize', onResize);
    changes.clear();
    env.startEngine();
  };

  const yieldToPage = () => new Promise<void>((resolve) => env.setTimeout(resolve, 0));

  /**
   * Every text node's string under `roots` and their open shadow roots, read in stretches, but
   * for those whose parent the exact pass skips; and whether that left out all it skips.
   */
  const readTexts = async (roots: Node[]): Promise<{ texts: string[]; nearCues: boolean } | 'too long'> => {
    const texts: string[] = [];
    let chars = 0;
    let nearCues = doc.designMode !== 'on';
    let stretchStart = env.now();
    for (let r = 0; r < roots.length; r++) {
      const root = roots[r];
      // A document's head holds no rendered text: start at its body (as the engine does).
      const from = root.nodeType === 9 ? ((root as Document).body ?? root) : root;
      // Skipped text deeper than a direct child (or around a changed block) stays in the text:
      // then the matcher judges it as the engine's rough step does, without distances.
      if (
        nearCues &&
        typeof (from as ParentNode).querySelectorAll === 'function' &&
        holdsDeepSkippedText(from as ParentNode)
      ) {
        nearCues = false;
      }
      if (nearCues && from.nodeType === 1 && (from as Element).closest(SKIPPED_AROUND)) nearCues = false;
      const walker = doc.createTreeWalker(from, NodeFilter.SHOW_TEXT);
      let count = 0;
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const data = (node as Text).data;
        // Text the exact pass skips is left out (a page's inline CSS and JSON, form fields,
        // code): it is never matched, and left in it would stand between a name and its cue.
        if (data.length > 0 && !SKIPPED_TAGS.has((node.parentNode as Element | null)?.localName ?? '')) {
          texts.push(data);
          chars += data.length;
          if (chars > ASK_MAX_CHARS) return 'too long';
        }
        if ((++count & 1023) === 0 && env.now() - stretchStart > READ_BUDGET_MS) {
          await yieldToPage();
          stretchStart = env.now();
        }
      }
      for (const shadow of findShadowRoots(doc, from, (_host, s) => roots.includes(s))) {
        observer.observe(shadow, OBSERVED);
        roots.push(shadow);
      }
    }
    return { texts, nearCues };
  };

  const ask = async (roots: Node[]) => {
    phase = 'asking';
    let answer: NamesAnswer;
    try {
      const read = await readTexts(roots);
      if (read === 'too long') answer = 'maybe';
      else answer = read.texts.length === 0 ? 'none' : await env.askNames(read.texts, read.nearCues);
    } catch {
      answer = 'maybe'; // the engine asks again, and reports what goes wrong
    }
    if (phase !== 'asking') return;
    if (answer === 'maybe') {
      start();
      return;
    }
    phase = 'idle';
    performance.mark(NOTHING_NAMED_MARK);
    if (changes.pending) scheduleCheck();
  };

  const check = () => {
    if (phase === 'waiting') {
      if (!ready()) return;
      env.window.removeEventListener('resize', onResize);
      void ask([doc]);
    } else if (phase === 'idle' && changes.pending) {
      void ask(changes.take().blocks);
    }
  };

  const scheduleCheck = () => {
    if (checkPending || phase === 'started' || phase === 'asking') return;
    checkPending = true;
    env.setTimeout(() => {
      checkPending = false;
      check();
    }, RECHECK_DELAY_MS);
  };

  observer.observe(doc, OBSERVED);
  if (ready()) {
    void ask([doc]);
    return;
  }
  // Wait for text (a script fills the frame) or for a size (the frame is shown).
  env.window.addEventListener('resize', onResize);
}
