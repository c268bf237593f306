// Reads schedule-break statements out of article text, in English and Korean: an episode that
// will not air ("will not air this week", "is preempted on August 2", "결방", "휴방") or a slot
// that changes ("편성 변경", "moves to Saturdays"). The builder keeps them as facts with the
// article as provenance and checks them against the catalog's schedule. Pure: no I/O.
import { DATE, readMonthDay, sentenceEnd, sentenceStart } from './air-statements';

export interface BreakStatement {
  /** `skip`: no episode airs; `change`: the slot or date of broadcasts changes. */
  kind: 'skip' | 'change';
  /** Exactly `text.slice(start, end)`: the words that say it. */
  phrase: string;
  start: number;
  end: number;
  /** `MM-DD` when the sentence dates it ("on August 2", "8월 2일"). */
  monthDay?: string;
}

const SKIP_EN =
  /\b(?:(?:will|would|does|did|is|was)\s+not\s+(?:be\s+)?(?:air(?:ed)?|broadcast(?:ed)?)|(?:won't|doesn't|didn't|isn't|wasn't)\s+(?:be\s+)?(?:air(?:ed)?|broadcast(?:ed)?)|(?:is|was|will\s+be)\s+(?:pre-?empted|cancell?ed|skipped|taking\s+a\s+(?:week\s+off|break))|no\s+(?:new\s+)?(?:episode|broadcast)s?\s+(?:this|next)\s+week|(?:skips?|skipped|takes?|took)\s+(?:a|this|next)\s+week(?:\s+off)?|go(?:es)?\s+on\s+(?:a\s+)?(?:break|hiatus))\b/gi;
const CHANGE_EN =
  /\b(?:(?:moves?|moved|shifts?|shifted)\s+(?:its\s+)?(?:time\s+)?slot|(?:moves?|moved|shifts?|shifted)\s+to\s+(?:mon|tues|wednes|thurs|fri|satur|sun)days?|schedule\s+change|(?:new|changed)\s+(?:time\s+)?slot)\b/gi;
const SKIP_KO = /결방|휴방|방송되지\s?않|방송을\s?쉬|쉬어\s?간/g;
const CHANGE_KO = /편성\s?(?:이\s?)?변경|편성을\s?변경|시간대를?\s?(?:옮|변경)/g;
const DATE_EN = new RegExp(`(?<![\\w])(?:on\\s+)?${DATE}`, 'gi');
const DATE_KO = /(?<!\d)(?<month>1[0-2]|0?[1-9])월\s?(?<day>3[01]|[12]\d|0?[1-9])일/g;

export function extractBreakStatements(text: string): BreakStatement[] {
  const found: BreakStatement[] = [];
  const take = (pattern: RegExp, kind: BreakStatement['kind']) => {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((f) => f.start < end && start < f.end)) continue;
      const statement: BreakStatement = { kind, phrase: match[0], start, end };
      const monthDay = dateInSentence(text, start);
      if (monthDay) statement.monthDay = monthDay;
      found.push(statement);
    }
  };
  take(SKIP_EN, 'skip');
  take(SKIP_KO, 'skip');
  take(CHANGE_EN, 'change');
  take(CHANGE_KO, 'change');
  return found.sort((a, b) => a.start - b.start);
}

/** Where a sentence turns to another fact: "…, but episode 11 will not air" dates only its own clause. */
const CLAUSE_TURN = /,\s*(?:but|while|whereas|and then|although)\s|\s(?:but|whereas)\s|;|이지만|지만\s|했으나|으나\s/g;

/** The date the clause around `position` gives, nearest to it, as `MM-DD`. */
function dateInSentence(text: string, position: number): string | undefined {
  let from = sentenceStart(text, position);
  let to = sentenceEnd(text, position);
  for (const turn of text.slice(from, to).matchAll(CLAUSE_TURN)) {
    const at = from + turn.index;
    if (at + turn[0].length <= position) from = at + turn[0].length;
    else if (at >= position) {
      to = at;
      break;
    }
  }
  const sentence = text.slice(from, to);
  let best: { distance: number; monthDay: string } | undefined;
  const consider = (index: number, monthDay: string | undefined) => {
    if (!monthDay) return;
    const distance = Math.abs(from + index - position);
    if (!best || distance < best.distance) best = { distance, monthDay };
  };
  for (const m of sentence.matchAll(DATE_EN)) consider(m.index, readMonthDay(m));
  for (const m of sentence.matchAll(DATE_KO)) {
    const month = Number(m.groups!.month);
    const day = Number(m.groups!.day);
    consider(m.index, `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  }
  return best?.monthDay;
}
