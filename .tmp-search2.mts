import { createEntitySearch } from './lib/search/entity-search';
import index from './generated/index.json' with { type: 'json' };
let t = performance.now();
const s = createEntitySearch(index as any);
console.log('build', (performance.now() - t).toFixed(2));
const qs = ['h','ha','han','han ','han s','han so','han soh','han sohe','han sohee','n','ne','nev','neve','never','nevert','neverte','nevertehl','nevertehles','kang'];
for (let round = 0; round < 3; round++) {
  const times: number[] = [];
  for (const q of qs) { t = performance.now(); s.search(q); times.push(performance.now() - t); }
  console.log(round, 'max', Math.max(...times).toFixed(2), 'median', times.sort((a,b)=>a-b)[times.length>>1].toFixed(3));
}
