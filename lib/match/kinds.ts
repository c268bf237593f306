// What an entity of the dictionary is (its `kinds` entry), and what a key is (its `keyFlags` bits).
export const KIND_DRAMA = 0;
export const KIND_PERSON = 1;
export const KIND_CUE = 2;

/** The name is also ordinary text: it stands only with context. */
export const FLAG_NEEDS_CONTEXT = 1;
/** A cue word that says the whole page is about K-drama. */
export const FLAG_STRONG_CUE = 2;
