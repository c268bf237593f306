/**
 * Marks a break between blocks (paragraphs, cells, `<br>`) in text handed to the matcher:
 * names never match across it. Its own module, so the page's text collector imports it without
 * the matcher's tables.
 */
export const BLOCK_BREAK = '\u001f';
