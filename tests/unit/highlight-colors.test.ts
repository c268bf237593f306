// Contrast of every highlight preset, computed from the stylesheet the browser injects
// (public/content-highlights.css), on light and dark pages: the page's own text over the tint
// must keep WCAG AA for body text (4.5:1), and the underline that marks a name must stand out
// from the page (3:1, WCAG 1.4.11 for non-text marks).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ACTOR_COLOR_PRESETS,
  DRAMA_COLOR_PRESETS,
  presetHighlightName,
  type ColorPreset,
} from '../../lib/highlight-colors';

const css = readFileSync(path.resolve(import.meta.dirname, '../../public/content-highlights.css'), 'utf8');

type Rgb = [number, number, number];
interface PresetStyle {
  tint: Rgb;
  alpha: number;
  underline: Rgb;
  underlineStyle: string;
}

function styleOf(name: string): PresetStyle {
  const rule = new RegExp(`::highlight\\(${name}\\)\\s*\\{([^}]*)\\}`).exec(css)?.[1];
  if (!rule) throw new Error(`no rule for ${name}`);
  const bg = /background-color:\s*rgb\((\d+) (\d+) (\d+) \/ ([\d.]+)\)/.exec(rule);
  const line = /text-decoration:\s*underline (solid|dotted|dashed|wavy) \d+px rgb\((\d+) (\d+) (\d+)\)/.exec(rule);
  if (!bg || !line) throw new Error(`unexpected declarations for ${name}: ${rule}`);
  return {
    tint: [Number(bg[1]), Number(bg[2]), Number(bg[3])],
    alpha: Number(bg[4]),
    underlineStyle: line[1],
    underline: [Number(line[2]), Number(line[3]), Number(line[4])],
  };
}

const hex = (h: string): Rgb => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
const channel = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminance = ([r, g, b]: Rgb) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
const contrast = (a: Rgb, b: Rgb) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
const over = (fg: Rgb, alpha: number, bg: Rgb): Rgb => fg.map((c, i) => c * alpha + bg[i] * (1 - alpha)) as Rgb;

// Page themes the presets must serve: common page backgrounds and body/secondary text colours,
// plus Dramalens's own (components/base.css).
const THEMES = {
  light: { backgrounds: ['#ffffff', '#f8f9fa', '#f4f4f7'], texts: ['#000000', '#202124', '#3c4043', '#55535f'] },
  dark: { backgrounds: ['#121212', '#17161c', '#202124'], texts: ['#ffffff', '#e8eaed', '#ecebf2', '#bdc1c6'] },
};

const presets: ['drama' | 'actor', ColorPreset][] = [
  ...DRAMA_COLOR_PRESETS.map((p) => ['drama', p] as ['drama', ColorPreset]),
  ...ACTOR_COLOR_PRESETS.map((p) => ['actor', p] as ['actor', ColorPreset]),
];

describe('highlight colour presets', () => {
  it('the stylesheet styles exactly the presets the settings offer', () => {
    const styled = [...css.matchAll(/::highlight\(([a-z-]+)\)/g)].map((m) => m[1]).sort();
    expect(styled).toEqual(presets.map(([kind, preset]) => presetHighlightName(kind, preset)).sort());
  });

  describe.each(Object.entries(THEMES))('on %s pages', (_theme, { backgrounds, texts }) => {
    it.each(presets)('%s %s keeps text readable and the underline visible', (kind, preset) => {
      const style = styleOf(presetHighlightName(kind, preset));
      for (const background of backgrounds.map(hex)) {
        const tinted = over(style.tint, style.alpha, background);
        for (const text of texts.map(hex)) expect(contrast(text, tinted)).toBeGreaterThanOrEqual(4.5);
        expect(contrast(style.underline, background)).toBeGreaterThanOrEqual(3);
      }
    });
  });

  it('dramas and actors differ by underline style, not only by colour', () => {
    for (const [kind, preset] of presets) {
      expect(styleOf(presetHighlightName(kind, preset)).underlineStyle).toBe(kind === 'drama' ? 'solid' : 'dotted');
    }
  });
});
