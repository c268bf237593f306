import { describe, expect, it } from 'vitest';
import {
  checksumOf,
  decodeTracking,
  encodeTracking,
  isDramaTracked,
  rebalanceTracking,
  withDramasTracked,
  type Tracking,
} from '../../lib/settings/tracking';

const ALL = ['goblin', 'hotel-del-luna', 'my-mister', 'nevertheless', 'signal'];
const trackedOf = (t: Tracking, all = ALL) => all.filter((id) => isDramaTracked(t, id));

describe('tracking sets', () => {
  it('reads both modes', () => {
    expect(trackedOf({ mode: 'all-except', ids: ['goblin'] })).toEqual(ALL.slice(1));
    expect(trackedOf({ mode: 'only', ids: ['goblin'] })).toEqual(['goblin']);
  });

  it('tracks and untracks within a mode', () => {
    const t = withDramasTracked({ mode: 'only', ids: ['goblin'] }, ['signal', 'goblin'], true);
    expect(t).toEqual({ mode: 'only', ids: ['goblin', 'signal'] });
    expect(withDramasTracked(t, ['goblin'], false)).toEqual({ mode: 'only', ids: ['signal'] });
  });

  it('rebalances to the smaller set without changing which dramas are tracked', () => {
    for (const tracked of [[], ['goblin'], ['goblin', 'signal'], ALL.slice(0, 3), ALL.slice(1), ALL]) {
      const t = rebalanceTracking({ mode: 'only', ids: tracked }, ALL);
      expect(trackedOf(t)).toEqual(ALL.filter((id) => tracked.includes(id)));
      expect(t.ids.length).toBeLessThanOrEqual(ALL.length / 2);
    }
    // A tie keeps `all-except`, so dramas added to the index later start tracked.
    expect(rebalanceTracking({ mode: 'only', ids: ['a', 'b'] }, ['a', 'b', 'c', 'd']).mode).toBe('all-except');
  });

  it('keeps the meaning of ids the index does not know', () => {
    const t = rebalanceTracking({ mode: 'all-except', ids: ['retired-drama', 'goblin'] }, ALL);
    expect(t).toEqual({ mode: 'all-except', ids: ['goblin', 'retired-drama'] });
    const flipped = rebalanceTracking({ mode: 'all-except', ids: ['retired-drama', ...ALL.slice(0, 4)] }, ALL);
    expect(flipped).toEqual({ mode: 'only', ids: ['signal'] });
    expect(isDramaTracked(flipped, 'retired-drama')).toBe(false);
  });
});

describe('stored form', () => {
  it('round-trips through the header alone when the list is short', () => {
    const items = encodeTracking({ mode: 'all-except', ids: ['nevertheless', 'goblin', 'goblin'] });
    expect(items).toEqual({ tracking: { mode: 'all-except', ids: 'goblin,nevertheless', overflow: 0 } });
    expect(decodeTracking(items.tracking, () => undefined)).toEqual({
      mode: 'all-except',
      ids: ['goblin', 'nevertheless'],
    });
    expect(decodeTracking({ mode: 'only', ids: '', overflow: 0 }, () => undefined)).toEqual({ mode: 'only', ids: [] });
  });

  it('round-trips a long list through overflow items, with a checksum', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `some-drama-title-${i}`).sort();
    const items = encodeTracking({ mode: 'only', ids });
    const header = items.tracking as { overflow: number; checksum: string };
    expect(header.overflow).toBeGreaterThan(0);
    expect(header.checksum).toBe(checksumOf(ids.join(',')));
    expect(decodeTracking(items.tracking, (n) => items[`tracking.${n}`])).toEqual({ mode: 'only', ids });
    expect(decodeTracking(items.tracking, (n) => (n === 1 ? undefined : items[`tracking.${n}`]))).toBeUndefined();
  });
});
