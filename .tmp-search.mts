import { createEntitySearch } from './lib/search/entity-search';
import index from './generated/index.json' with { type: 'json' };
const s = createEntitySearch(index as any);
console.log('names', s.size);
for (const q of ['han sohee', '한소희', '한솧', '한소흐', 'nevertheles', 'nevertehless', 'neverthel', 'nevertehl', 'song kang', 'kang', 'so', 'hotel del lune', 'iu', 'sohee', 'lee ji eun', 'kill me heal me', '알고', 'hyun bin', 'hyunbin', 'gong yoo', 'crash landing', 'goblin', 'dokkaebi', 'song joongki', 'song jungki', 'x']) {
  const t = performance.now();
  const r = s.search(q);
  console.log(q.padEnd(16), (performance.now() - t).toFixed(2), r.map((x) => x.label + (x.matchedName ? `(${x.matchedName})` : '')).join(' | '));
}
