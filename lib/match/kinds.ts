// What an entity of the dictionary is, as stored in its `kinds` array.
export const KIND_DRAMA = 0;
export const KIND_PERSON = 1;
export const KIND_CUE = 2;
