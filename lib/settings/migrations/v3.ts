// Settings version 2 → 3: tracking becomes following and muting.
// - v2 kept one list, `tracking` (+ overflow items): `all-except` listed the untracked dramas,
//   `only` the tracked ones; only tracked dramas and their cast were lit.
// - v3 lights everything out of the box, keeps the reader's followed dramas with a status
//   (`follows`), the dramas and people never to light (`muted`), and `highlightScope` (`all`, or
//   `followed`: only followed dramas and their cast, which is how v2's `only` mode behaved).
// Lossless: untracked dramas of `all-except` become muted dramas; the tracked dramas of `only`
// become followed ones (status watching, as v2's tracking drove "Airing next" and the badge,
// which following drives now), with the highlight scope `followed` so the same names stay lit.
// A tracking list that cannot be read (v2 then used its default, everything tracked) gives the
// defaults. When version-3 items are already stored (another device migrated first), they win.
import { encodeList } from '../chunked-list';
import { LEGACY_TRACKING_KEYS, LEGACY_TRACKING_KEY } from '../keys';
import { followTokens, mutedTokens, type Follows, type Muted } from '../library';
import type { StoredItems } from '../storage-read';
import { decodeTracking, trackingOverflowKey } from '../tracking';
import type { MigrationStep } from './step';

export const v3: MigrationStep = {
  version: 3,
  items: {},
  combine(items) {
    if (!(LEGACY_TRACKING_KEY in items)) return items;
    const out: StoredItems = { ...items };
    for (const key of LEGACY_TRACKING_KEYS) delete out[key];
    if (out.follows !== undefined || out.muted !== undefined) return out;
    const tracking = decodeTracking(items[LEGACY_TRACKING_KEY], (n) => items[trackingOverflowKey(n)]);
    if (!tracking) return out;
    const follows: Follows = {};
    const muted: Muted = { dramas: [], people: [] };
    if (tracking.mode === 'only') for (const id of tracking.ids) follows[id] = { status: 'watching' };
    else muted.dramas = [...tracking.ids].sort();
    return {
      ...out,
      ...encodeList('follows', followTokens(follows), 'followed dramas'),
      ...encodeList('muted', mutedTokens(muted), 'muted names'),
      highlightScope: tracking.mode === 'only' ? 'followed' : 'all',
    };
  },
};
