// The popup's entry: only styles and a loader, so the static shell of index.html (header and
// search box) paints at once; the app's code, most of the startup time, loads after that frame.
import '../../components/base.css';
import '../../components/entity-card.css';
import './popup.css';

const root = document.getElementById('app')!;
let started = false;
const start = () => {
  if (started) return;
  started = true;
  void import('./boot').then(({ boot }) => boot(root));
};
// A timeout after the next animation frame runs once that frame has painted; the fallback
// covers a page that gets no frames (hidden).
requestAnimationFrame(() => setTimeout(start, 0));
setTimeout(start, 100);
