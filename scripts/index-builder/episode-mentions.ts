// Which episodes an article discusses, read from its headline and summary: "episode 8", "eps
// 7 and 8", "episodes 5-6", "8회", "8화", and finales ("finale", "final episode", "최종회",
// "마지막 회"). The card hides stories about episodes a reader has not watched yet.

export interface EpisodesDiscussed {
  /** The highest episode number the text names, when it names one. */
  latest?: number;
  /** The text is about a finale. */
  finale: boolean;
}

/** More than any K-drama's run (daily serials reach the low hundreds): a larger number is not an episode. */
const MAX_EPISODE = 300;

const ENGLISH = /\b(?:episodes?|eps?\.?)\s*(\d{1,3})(?:\s*(?:and|&|-|–|to|,)\s*(\d{1,3}))?\b/gi;
// "8회" / "8화" as an episode, not "8회 연속" (eight times in a row) or "제8회" (the 8th awards).
const KOREAN = /(?<!\d)(?<!제\s?)(\d{1,3})\s*[회화](?!\s*(?:연속|째|차|만에))/g;
const FINALE = /\bfinale\b|\bfinal episode\b|\blast episode\b|최종회|마지막\s*회|마지막\s*화/i;

export function episodesDiscussed(text: string): EpisodesDiscussed {
  let latest: number | undefined;
  const consider = (value: string | undefined) => {
    if (value === undefined) return;
    const n = Number(value);
    if (n >= 1 && n <= MAX_EPISODE) latest = Math.max(latest ?? 0, n);
  };
  for (const match of text.matchAll(ENGLISH)) {
    consider(match[1]);
    consider(match[2]);
  }
  for (const match of text.matchAll(KOREAN)) consider(match[1]);
  return { ...(latest !== undefined ? { latest } : {}), finale: FINALE.test(text) };
}
