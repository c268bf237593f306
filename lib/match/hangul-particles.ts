// Korean attaches particles (josa) and a few honorifics to a name without a space: "한소희가",
// "송강은", "송강이랑". A Hangul run right after a name counts as a boundary only if it is made
// entirely of these, so "송강호" (a different actor) is never read as "송강" + "호".
import { isHangul } from './fold';

const PARTICLES = [
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '와',
  '과',
  '도',
  '만',
  '로',
  '으로',
  '에게',
  '에서',
  '한테',
  '께',
  '께서',
  '이랑',
  '랑',
  '하고',
  '처럼',
  '보다',
  '까지',
  '부터',
  '마저',
  '조차',
  '이나',
  '나',
  '이며',
  '며',
  '이다',
  '이고',
  '고',
  '와의',
  '과의',
  '씨',
  '님',
  '측',
  '표',
  '아',
  '야',
  '이라는',
  '라는',
  '에서는',
  '에게는',
  '이었다',
  '였다',
  '이자',
  '자',
].sort((a, b) => b.length - a.length);

const MAX_RUN = 8;

/** True when the Hangul run starting at `from` is one to three particles and nothing else. */
export function isHangulParticleRun(text: string, from: number): boolean {
  let end = from;
  while (end < text.length && end - from <= MAX_RUN && isHangul(text.charCodeAt(end))) end++;
  if (end - from > MAX_RUN) return false;
  return segment(text, from, end, 0);
}

function segment(text: string, at: number, end: number, depth: number): boolean {
  if (at === end) return depth > 0;
  if (depth === 3) return false;
  for (const particle of PARTICLES) {
    if (
      at + particle.length <= end &&
      text.startsWith(particle, at) &&
      segment(text, at + particle.length, end, depth + 1)
    ) {
      return true;
    }
  }
  return false;
}
