// Highlight colour presets. Each preset is a highlight name styled by the content stylesheet
// (public/content-highlights.css), so switching colour never needs inline styles a page's CSP
// could block. A preset is a translucent tint (the page's own text colour stays on top) plus an
// underline; tests/unit/highlight-colors.test.ts checks both against light and dark pages.
//
// Drama presets are warm or purple and actor presets are cool or neutral, so whichever pair a
// reader picks, dramas and actors stay apart; the underline style (solid for dramas, dotted for
// actors) tells them apart without colour too.
export const DRAMA_COLOR_PRESETS = ['amber', 'rose', 'violet'] as const;
export const ACTOR_COLOR_PRESETS = ['sky', 'mint', 'slate'] as const;
export type DramaColorPreset = (typeof DRAMA_COLOR_PRESETS)[number];
export type ActorColorPreset = (typeof ACTOR_COLOR_PRESETS)[number];
export type ColorPreset = DramaColorPreset | ActorColorPreset;
export const DEFAULT_DRAMA_COLOR: DramaColorPreset = 'amber';
export const DEFAULT_ACTOR_COLOR: ActorColorPreset = 'sky';

/** The highlight name the content stylesheet styles for a preset, e.g. `dramalens-drama-amber`. */
export function presetHighlightName(kind: 'drama' | 'actor', preset: ColorPreset): string {
  return `dramalens-${kind}-${preset}`;
}
