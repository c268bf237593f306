import { useState } from 'preact/hooks';
import {
  ACTOR_COLOR_PRESETS,
  COLOR_PRESET_LABELS,
  DRAMA_COLOR_PRESETS,
  presetHighlightName,
  type ColorPreset,
} from '../../lib/highlight-colors';
import { HOVER_DELAY_LIMITS, type DisplaySettings } from '../../lib/settings';
import { HighlightPreview } from './HighlightPreview';

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
            <span class="preset-label">{COLOR_PRESET_LABELS[preset]}</span>
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
          <strong>Highlight drama titles and actors on pages</strong>
          <span class="hint">When off, Dramalens does not read or mark any page.</span>
        </span>
      </label>
      <div class="preset-pickers">
        <PresetPicker
          kind="drama"
          legend="Drama colour"
          sample="Nevertheless"
          presets={DRAMA_COLOR_PRESETS}
          value={display.dramaColor}
          onChange={(dramaColor) => onDisplayChange({ ...display, dramaColor })}
        />
        <PresetPicker
          kind="actor"
          legend="Actor colour"
          sample="Han So-hee"
          presets={ACTOR_COLOR_PRESETS}
          value={display.actorColor}
          onChange={(actorColor) => onDisplayChange({ ...display, actorColor })}
        />
      </div>
      <p class="hint">
        Each colour keeps the page’s own text readable (at least 4.5:1) on light and dark pages. Dramas are underlined,
        actors dotted.
      </p>
      <label class="field slider-field">
        <span>Hover delay before a card opens</span>
        <span class="slider-row">
          <input
            type="range"
            min={HOVER_DELAY_LIMITS.min}
            max={HOVER_DELAY_LIMITS.max}
            step={HOVER_DELAY_LIMITS.step}
            value={shownDelay}
            aria-valuetext={`${shownDelay} milliseconds`}
            onInput={(e) => setDelay(Number(e.currentTarget.value))}
            onChange={(e) => {
              setDelay(null);
              onDisplayChange({ ...display, hoverDelayMs: Number(e.currentTarget.value) });
            }}
          />
          <output>{shownDelay} ms</output>
        </span>
      </label>
    </div>
  );
}
