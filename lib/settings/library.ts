// The reader's own dramas: which they follow (with a status and, while watching, the last episode
// watched) and which dramas and people they muted (never lit, never counted). Pure values and
// their stored form, token lists in storage.sync (chunked-list.ts):
// - a follow is `<drama id>:<status letter>` or `<drama id>:w:<episode>`, then `:r+` or `:r-` when
//   the reader turned this drama's episode reminders on or off (settings version 4; without it
//   the reminders default applies);
// - a mute is `d:<drama id>` or `p:<person id>` (ids are unique within a kind only).
import * as v from 'valibot';

export const FOLLOW_STATUSES = ['watching', 'plan', 'completed', 'on-hold', 'dropped'] as const;
export type FollowStatus = (typeof FOLLOW_STATUSES)[number];

/**
 * The statuses' words in watchlist CSV files (English, the file format, whatever the reader's
 * language: the UI's own words are in the catalogues, components/FollowStatusSelect.tsx).
 */
export const FOLLOW_STATUS_LABELS: Record<FollowStatus, string> = {
  watching: 'Watching',
  plan: 'Plan to watch',
  completed: 'Completed',
  'on-hold': 'On hold',
  dropped: 'Dropped',
};

export interface Follow {
  status: FollowStatus;
  /** The last episode watched (1 or more); only while watching or on hold. */
  episode?: number;
  /** Episode reminders for this drama, on or off; absent: the reminders default decides. */
  remind?: boolean;
}

/** Followed dramas by id. */
export type Follows = Record<string, Follow>;

export interface Muted {
  dramas: string[];
  people: string[];
}

/** Ids as data/ and the importer write them: lowercase a-z, 0-9 and `-` (never `,` or `:`). */
export const ENTITY_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;
export const MAX_EPISODE = 9999;

const idSchema = v.pipe(v.string(), v.regex(ENTITY_ID_PATTERN));
export const followSchema = v.strictObject({
  status: v.picklist(FOLLOW_STATUSES),
  episode: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_EPISODE))),
  remind: v.optional(v.boolean()),
});
export const followsSchema = v.record(idSchema, followSchema);
export const mutedSchema = v.strictObject({ dramas: v.array(idSchema), people: v.array(idSchema) });

export const NO_FOLLOWS: Follows = {};
export const NOTHING_MUTED: Muted = { dramas: [], people: [] };

const STATUS_LETTER: Record<FollowStatus, string> = {
  watching: 'w',
  plan: 'p',
  completed: 'c',
  'on-hold': 'h',
  dropped: 'd',
};
const LETTER_STATUS = new Map(
  Object.entries(STATUS_LETTER).map(([status, letter]) => [letter, status as FollowStatus]),
);

/** Statuses that keep a last-watched episode. */
export const hasProgress = (status: FollowStatus) => status === 'watching' || status === 'on-hold';

/** `follows` with `dramaId` set to `follow`, or unfollowed with null. Progress is dropped where it means nothing; a follow without `remind` keeps the one it had. */
export function withFollow(follows: Follows, dramaId: string, follow: Follow | null): Follows {
  const next = { ...follows };
  if (follow === null) delete next[dramaId];
  else
    next[dramaId] = {
      status: follow.status,
      ...(hasProgress(follow.status) && follow.episode ? { episode: follow.episode } : {}),
      // A status or progress change keeps the drama's reminder choice.
      ...((follow.remind ?? follows[dramaId]?.remind) !== undefined
        ? { remind: follow.remind ?? follows[dramaId]?.remind }
        : {}),
    };
  return next;
}

export function isMuted(muted: Muted, kind: 'drama' | 'person', id: string): boolean {
  return (kind === 'drama' ? muted.dramas : muted.people).includes(id);
}

export function withMuted(muted: Muted, kind: 'drama' | 'person', id: string, on: boolean): Muted {
  const field = kind === 'drama' ? 'dramas' : 'people';
  const ids = new Set(muted[field]);
  if (on) ids.add(id);
  else ids.delete(id);
  return { ...muted, [field]: [...ids].sort() };
}

export function followTokens(follows: Follows): string[] {
  return Object.entries(follows).map(([id, follow]) => {
    const letter = STATUS_LETTER[follow.status];
    const episode = follow.episode ? `:${follow.episode}` : '';
    const remind = follow.remind === undefined ? '' : follow.remind ? ':r+' : ':r-';
    return `${id}:${letter}${episode}${remind}`;
  });
}

/** Follows from stored tokens, or undefined when one is malformed (the reader reports it). */
export function followsFromTokens(tokens: readonly string[]): Follows | undefined {
  const follows: Follows = {};
  for (const token of tokens) {
    const [id, letter, ...rest] = token.split(':');
    const status = LETTER_STATUS.get(letter);
    if (!ENTITY_ID_PATTERN.test(id) || !status || rest.length > 2) return undefined;
    const follow: Follow = { status };
    // An episode, then a reminder flag; each optional, in that order.
    if (rest.length > 0 && /^[1-9]\d*$/.test(rest[0])) {
      const episode = Number(rest.shift());
      if (episode > MAX_EPISODE) return undefined;
      follow.episode = episode;
    }
    if (rest.length > 0) {
      const flag = rest.shift();
      if (flag !== 'r+' && flag !== 'r-') return undefined;
      follow.remind = flag === 'r+';
    }
    if (rest.length > 0) return undefined;
    follows[id] = follow;
  }
  return follows;
}

export const mutedTokens = (muted: Muted): string[] => [
  ...muted.dramas.map((id) => `d:${id}`),
  ...muted.people.map((id) => `p:${id}`),
];

export function mutedFromTokens(tokens: readonly string[]): Muted | undefined {
  const dramas: string[] = [];
  const people: string[] = [];
  for (const token of tokens) {
    const kind = token.slice(0, 2);
    const id = token.slice(2);
    if (!ENTITY_ID_PATTERN.test(id)) return undefined;
    if (kind === 'd:') dramas.push(id);
    else if (kind === 'p:') people.push(id);
    else return undefined;
  }
  return { dramas: [...new Set(dramas)].sort(), people: [...new Set(people)].sort() };
}
