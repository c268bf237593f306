// Paints matches with the CSS Custom Highlight API: ranges live in two Highlight objects
// registered as `dramalens-drama` and `dramalens-actor` (documented names other tools and our
// tests read), and also under a colour-preset name that the content stylesheet styles. The
// page's DOM is never touched. Where the API is missing, matches are still detected and
// reported; nothing is painted.

export const DRAMA_HIGHLIGHT = 'dramalens-drama';
export const ACTOR_HIGHLIGHT = 'dramalens-actor';

export interface HighlightEnvironment {
  /** `CSS.highlights` of the page's window, if supported. */
  registry?: HighlightRegistry;
  createHighlight?: () => Highlight;
}

export function highlightEnvironment(win: Window & typeof globalThis): HighlightEnvironment {
  const registry = win.CSS && 'highlights' in win.CSS ? win.CSS.highlights : undefined;
  if (!registry || typeof win.Highlight !== 'function') return {};
  return { registry, createHighlight: () => new win.Highlight() };
}

export interface PaintedHighlights {
  readonly supported: boolean;
  add(kind: 'drama' | 'actor', range: AbstractRange): void;
  delete(kind: 'drama' | 'actor', range: AbstractRange): void;
  clear(): void;
  /** Swaps the colour presets without touching ranges. */
  setPresets(dramaPreset: string, actorPreset: string): void;
  dispose(): void;
}

export function createPaintedHighlights(env: HighlightEnvironment): PaintedHighlights {
  const { registry, createHighlight } = env;
  if (!registry || !createHighlight) {
    return { supported: false, add() {}, delete() {}, clear() {}, setPresets() {}, dispose() {} };
  }
  const drama = createHighlight();
  const actor = createHighlight();
  // Actors paint above dramas where a title contains a name.
  actor.priority = 1;
  let presetNames: string[] = [];
  const register = () => {
    registry.set(DRAMA_HIGHLIGHT, drama);
    registry.set(ACTOR_HIGHLIGHT, actor);
  };
  register();
  return {
    supported: true,
    add: (kind, range) => void (kind === 'drama' ? drama : actor).add(range),
    delete: (kind, range) => void (kind === 'drama' ? drama : actor).delete(range),
    clear() {
      drama.clear();
      actor.clear();
    },
    setPresets(dramaPreset, actorPreset) {
      for (const name of presetNames) registry.delete(name);
      presetNames = [`${DRAMA_HIGHLIGHT}-${dramaPreset}`, `${ACTOR_HIGHLIGHT}-${actorPreset}`];
      registry.set(presetNames[0], drama);
      registry.set(presetNames[1], actor);
    },
    dispose() {
      drama.clear();
      actor.clear();
      for (const name of presetNames) registry.delete(name);
      if (registry.get(DRAMA_HIGHLIGHT) === drama) registry.delete(DRAMA_HIGHLIGHT);
      if (registry.get(ACTOR_HIGHLIGHT) === actor) registry.delete(ACTOR_HIGHLIGHT);
    },
  };
}
