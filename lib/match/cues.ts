// Words that say a page is talking about TV drama. They are never highlighted; they only tell
// the matcher that an ordinary-word title nearby ("Nevertheless") is the drama. The strong ones
// (K-drama, the Korean networks and streamers, 드라마) also say the whole page is about K-drama.
export const STRONG_CUE_WORDS = [
  'k-drama',
  'k-dramas',
  'kdrama',
  'kdramas',
  'JTBC',
  'tvN',
  'KBS',
  'KBS2',
  'MBC',
  'SBS',
  'OCN',
  'TVING',
  'Wavve',
  'Coupang Play',
  '드라마',
  '방송',
  '시청률',
  '주연',
  '출연',
  '극본',
  '연출',
  '첫 방송',
  '종영',
  '넷플릭스',
  '티빙',
  '쿠팡플레이',
];

/** Cue words that only say "TV" nearby, not "K-drama" for the whole page. */
export const WEAK_CUE_WORDS = [
  'drama',
  'dramas',
  'episode',
  'episodes',
  'series',
  'cast',
  'starring',
  'stars',
  'co-star',
  'co-stars',
  'premiere',
  'premiered',
  'finale',
  'webtoon',
  'OST',
  'season',
  'behind-the-scenes',
  'making-of',
  'rom-com',
  'ENA',
  'Netflix',
  // US streamers are on every business and entertainment page: they say TV, not K-drama.
  'Disney+',
  'Viki',
  'Viu',
  '회차',
];

export const DRAMA_CUE_WORDS = [...STRONG_CUE_WORDS, ...WEAK_CUE_WORDS];
