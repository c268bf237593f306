import { useState } from 'preact/hooks';
import {
  ACTOR_COLOR_PRESETS,
  DRAMA_COLOR_PRESETS,
  presetHighlightName,
  type ColorPreset,
} from '../../lib/highlight-colors';
import { HOVER_DELAY_LIMITS, type DisplaySettings } from '../../lib/settings';
import { HighlightPreview } from './HighlightPreview';
import { t } from '../../lib/i18n';

/** A preset's name in the reader's language. */
function presetLabel(preset: ColorPreset): string {
  switch (preset) {
    case 'amber':
      return t('options.colour.amber');
    case 'rose':
      return t('options.colour.rose');
    case 'violet':
      return t('options.colour.violet');
    case 'sky':
      return t('options.colour.sky');
    case 'mint':
      return t('options.colour.mint');
    case 'slate':
      return t('options.colour.slate');
  }
}

// The samples are names from the index, shown as pages show them (not words to translate).
const DRAMA_SAMPLE = 'Nevertheless';
const ACTOR_SAMPLE = 'Han So-hee';

export interface HighlightSettingsProps {
  enabled: boolean;
  display: DisplaySettings;
  onEnabledChange: (enabled: boolean) => void;
  onDisplayChange: (display: DisplaySettings) => void;
}

interface PresetPickerProps<P extends ColorPreset> {
  kind: 'drama' | 'actor';
  legend: string;
  sample: string;
  presets: readonly P[];
  value: P;
  onChange: (preset: P) => void;
}

function PresetPicker<P extends ColorPreset>({ kind, legend, sample, presets, value, onChange }: PresetPickerProps<P>) {
  return (
    <fieldset class="preset-picker">
      <legend>{legend}</legend>
      <div class="preset-options">
        {presets.map((preset) => (
          <label key={preset} class="preset-option">
            <input
              type="radio"
              name={`${kind}-color`}
              value={preset}
              checked={value === preset}
              onChange={() => onChange(preset)}
            />
            <span class="preset-label">{presetLabel(preset)}</span>
            <span class="preset-samples" aria-hidden="true">
              <HighlightPreview highlightName={presetHighlightName(kind, preset)} text={sample} page="light" />
              <HighlightPreview highlightName={presetHighlightName(kind, preset)} text={sample} page="dark" />
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Highlighting on or off, the colours of drama and actor highlights, and the hover delay. */
export function HighlightSettings({ enabled, display, onEnabledChange, onDisplayChange }: HighlightSettingsProps) {
  // The slider shows its value while it moves and saves when it is let go (sync storage limits writes).
  const [delay, setDelay] = useState<number | null>(null);
  const shownDelay = delay ?? display.hoverDelayMs;
  return (
    <div class="highlight-settings">
      <label class="switch-row">
        <input
          type="checkbox"
          role="switch"
          checked={enabled}
          onChange={(e) => onEnabledChange(e.currentTarget.checked)}
        />
        <span>
          <strong>{t('options.highlight.enable')}</strong>
          <span class="hint">{t('options.highlight.enableHint', [t('extName')])}</span>
        </span>
      </label>
      <div class="preset-pickers">
        <PresetPicker
          kind="drama"
          legend={t('options.highlight.dramaColour')}
          sample={DRAMA_SAMPLE}
          presets={DRAMA_COLOR_PRESETS}
          value={display.dramaColor}
          onChange={(dramaColor) => onDisplayChange({ ...display, dramaColor })}
        />
        <PresetPicker
          kind="actor"
          legend={t('options.highlight.actorColour')}
          sample={ACTOR_SAMPLE}
          presets={ACTOR_COLOR_PRESETS}
          value={display.actorColor}
          onChange={(actorColor) => onDisplayChange({ ...display, actorColor })}
        />
      </div>
      <p class="hint">{t('options.highlight.contrastHint')}</p>
      <label class="field slider-field">
        <span>{t('options.highlight.delay')}</span>
        <span class="slider-row">
          <input
            type="range"
            min={HOVER_DELAY_LIMITS.min}
            max={HOVER_DELAY_LIMITS.max}
            step={HOVER_DELAY_LIMITS.step}
            value={shownDelay}
            aria-valuetext={t('options.highlight.delayValueText', [String(shownDelay)])}
            onInput={(e) => setDelay(Number(e.currentTarget.value))}
            onChange={(e) => {
              setDelay(null);
              onDisplayChange({ ...display, hoverDelayMs: Number(e.currentTarget.value) });
            }}
          />
          <output>{t('options.highlight.delayValue', [String(shownDelay)])}</output>
        </span>
      </label>
    </div>
  );
}
