// What every frame runs: decide cheaply whether there is text a reader can see, and only then
// load the engine (a separate module, fetched from the extension). An empty, invisible or ad
// frame costs about as much as an empty content script (no extension API is touched); if text
// or visibility comes later, a light watch notices and starts the engine then.

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

export interface BootstrapEnvironment {
  document: Document;
  window: Window;
  /** Loads and starts the engine; called at most once. */
  startEngine: () => void;
  setTimeout: (callback: () => void, ms: number) => number;
  MutationObserver: typeof MutationObserver;
}

/** How long a frame's changes are left to settle before its text is looked at again. */
export const RECHECK_DELAY_MS = 250;

export function bootstrap(env: BootstrapEnvironment): void {
  // Text first: reading a frame's size may lay it out, and most frames without text are empty.
  const ready = () => hasReadableText(env.document) && isVisibleFrame(env.window);
  if (ready()) {
    env.startEngine();
    return;
  }
  // Wait for text (a script fills the frame) or for a size (the frame is shown).
  let started = false;
  let checkPending = false;
  const observer = new env.MutationObserver(() => scheduleCheck());
  const onResize = () => scheduleCheck();
  const stopWatching = () => {
    observer.disconnect();
    env.window.removeEventListener('resize', onResize);
  };
  const scheduleCheck = () => {
    if (checkPending || started) return;
    checkPending = true;
    env.setTimeout(() => {
      checkPending = false;
      if (started || !ready()) return;
      started = true;
      stopWatching();
      env.startEngine();
    }, RECHECK_DELAY_MS);
  };
  observer.observe(env.document, { childList: true, subtree: true, characterData: true });
  env.window.addEventListener('resize', onResize);
}
