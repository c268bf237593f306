// Highlight colour presets. Each preset is a highlight name styled by the content stylesheet
// (public/content-highlights.css), so switching colour never needs inline styles a page's CSP
// could block. Colours are translucent tints plus an underline: readable on light and dark pages.
export const DRAMA_COLOR_PRESETS = ['amber', 'rose', 'violet'] as const;
export const ACTOR_COLOR_PRESETS = ['sky', 'mint', 'peach'] as const;
export type DramaColorPreset = (typeof DRAMA_COLOR_PRESETS)[number];
export type ActorColorPreset = (typeof ACTOR_COLOR_PRESETS)[number];
export const DEFAULT_DRAMA_COLOR: DramaColorPreset = 'amber';
export const DEFAULT_ACTOR_COLOR: ActorColorPreset = 'sky';
