// Settings version 1 → 2.
// - tracking: `{ mode, ids: string[] }` in one item could hold only ~400 ids before hitting the
//   8 KB per-item quota. v2 stores the ids comma-joined in a header with overflow items (see
//   ../tracking.ts). A v1 value always fits the v2 header alone (each id costs 2 bytes less), so
//   this step needs no overflow items.
// - display: the actor preset `peach` is retired (it was hard to tell from the amber drama
//   default) and becomes the default `sky`; the hover delay is clamped to the new 0–2000 ms range.
// - disabledSites: entries are normalised (lower case, punycode, no duplicates, none covered by
//   another entry); entries that are not site names are dropped.
//
// A step returns anything that is not a v1 value unchanged: values are recognised by shape, so
// running the step on a v2 value (or on garbage, which the reader then reports) is harmless.
import * as v from 'valibot';
import { normalizeSiteList } from '../sites';
import { DRAMA_ID_PATTERN, type StoredTracking } from '../tracking';
import type { MigrationStep } from './step';

const v1Tracking = v.strictObject({
  mode: v.picklist(['all-except', 'only']),
  ids: v.array(v.string()),
});
const v1Display = v.strictObject({
  timeDisplay: v.picklist(['local', 'kst', 'both']),
  hourCycle: v.picklist([12, 24]),
  hoverDelayMs: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(5000)),
  dramaColor: v.picklist(['amber', 'rose', 'violet']),
  actorColor: v.picklist(['sky', 'mint', 'peach']),
});
const v1DisabledSites = v.array(v.string());

export const v2: MigrationStep = {
  version: 2,
  items: {
    tracking(value) {
      const old = v.safeParse(v1Tracking, value);
      if (!old.success) return value;
      const ids = [...new Set(old.output.ids.filter((id) => DRAMA_ID_PATTERN.test(id)))].sort();
      const header: StoredTracking = { mode: old.output.mode, ids: ids.join(','), overflow: 0 };
      return header;
    },
    display(value) {
      const old = v.safeParse(v1Display, value);
      if (!old.success) return value;
      return {
        ...old.output,
        hoverDelayMs: Math.min(old.output.hoverDelayMs, 2000),
        actorColor: old.output.actorColor === 'peach' ? 'sky' : old.output.actorColor,
      };
    },
    disabledSites(value) {
      const old = v.safeParse(v1DisabledSites, value);
      return old.success ? normalizeSiteList(old.output) : value;
    },
  },
};
