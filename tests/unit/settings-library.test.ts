import { describe, expect, it } from 'vitest';
import { checksumOf, decodeList, encodeList } from '../../lib/settings/chunked-list';
import {
  followsFromTokens,
  followTokens,
  mutedFromTokens,
  mutedTokens,
  withFollow,
  withMuted,
  type Follows,
} from '../../lib/settings/library';
import { decodeStoredItems, encodeSettings } from '../../lib/settings/stored';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';
import { syncItemBytes, syncQuotaProblem, SYNC_QUOTA } from '../../lib/settings/quota';

describe('follows and mutes', () => {
  it('follows with a status, keeps progress only where it means something, and unfollows', () => {
    let follows = withFollow({}, 'nevertheless', { status: 'watching', episode: 6 });
    expect(follows).toEqual({ nevertheless: { status: 'watching', episode: 6 } });
    follows = withFollow(follows, 'nevertheless', { status: 'completed', episode: 6 });
    expect(follows).toEqual({ nevertheless: { status: 'completed' } });
    follows = withFollow(follows, 'goblin', { status: 'on-hold', episode: 3 });
    expect(follows.goblin).toEqual({ status: 'on-hold', episode: 3 });
    expect(withFollow(follows, 'nevertheless', null)).toEqual({ goblin: { status: 'on-hold', episode: 3 } });
  });

  it('mutes dramas and people apart (ids are unique within a kind only)', () => {
    let muted = withMuted({ dramas: [], people: [] }, 'drama', 'signal', true);
    muted = withMuted(muted, 'person', 'signal', true);
    expect(muted).toEqual({ dramas: ['signal'], people: ['signal'] });
    expect(withMuted(muted, 'drama', 'signal', false)).toEqual({ dramas: [], people: ['signal'] });
    expect(mutedFromTokens(mutedTokens(muted))).toEqual(muted);
  });

  it('round-trips follows through their tokens, and refuses malformed ones', () => {
    const follows: Follows = {
      a: { status: 'watching', episode: 12 },
      b: { status: 'plan' },
      c: { status: 'completed' },
      'd-2': { status: 'on-hold', episode: 1 },
      e: { status: 'dropped' },
    };
    expect(followTokens(follows)).toEqual(['a:w:12', 'b:p', 'c:c', 'd-2:h:1', 'e:d']);
    expect(followsFromTokens(followTokens(follows))).toEqual(follows);
    for (const bad of ['a', 'a:x', 'a:w:0', 'a:w:07', 'a:w:1:2', 'A:w', 'a:w:-1', 'a:w:99999'])
      expect(followsFromTokens([bad]), bad).toBeUndefined();
    expect(mutedFromTokens(['x:goblin'])).toBeUndefined();
  });
});

describe('stored lists', () => {
  it('keep a short list in the header alone', () => {
    expect(encodeList('muted', ['p:iu', 'd:goblin', 'd:goblin'], 'muted names')).toEqual({
      muted: { list: 'd:goblin,p:iu', overflow: 0 },
    });
  });

  it('spill into overflow items with a checksum, each within the per-item quota, and read back whole', () => {
    const tokens = Array.from({ length: 2000 }, (_, i) => `drama-${String(i).padStart(5, '0')}:w:${(i % 16) + 1}`);
    const items = encodeList('follows', tokens, 'followed dramas');
    const header = items.follows as { overflow: number; checksum?: string };
    expect(header.overflow).toBeGreaterThan(1);
    expect(header.checksum).toBe(checksumOf([...tokens].sort().join(',')));
    for (const [key, value] of Object.entries(items)) expect(syncItemBytes(key, value)).toBeLessThanOrEqual(8192);
    expect(decodeList(items.follows, (n) => items[`follows.${n}`])).toEqual([...tokens].sort());
    // A missing or stale overflow item (part of another write) makes the whole list unreadable.
    expect(decodeList(items.follows, (n) => (n === 1 ? 'drama-x:w' : items[`follows.${n}`]))).toBeUndefined();
    expect(decodeList(items.follows, () => undefined)).toBeUndefined();
  });

  it('hold hundreds of followed dramas with statuses and progress well within storage.sync', () => {
    // 500 follows with realistic ids (the catalog's longest are ~40 characters) and progress.
    const follows: Follows = {};
    for (let i = 0; i < 500; i++) follows[`a-drama-title-of-typical-length-${i}`] = { status: 'watching', episode: 16 };
    const items = encodeSettings({ ...DEFAULT_SETTINGS, follows });
    const bytes = Object.entries(items).reduce((sum, [key, value]) => sum + syncItemBytes(key, value), 0);
    expect(syncQuotaProblem(items)).toBeUndefined();
    expect(bytes).toBeLessThan(SYNC_QUOTA.bytes / 4);
    expect(decodeStoredItems(items).settings.follows).toEqual(follows);
  });
});
