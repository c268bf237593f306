// The popup's entry: only styles, the shell's words and a loader, so the static shell of
// index.html (header and search box) paints at once; the app's code, most of the startup time,
// loads after that frame.
import '../../components/base.css';
import '../../components/entity-card.css';
import { t, uiLocalizer } from '../../lib/i18n';
import './popup.css';

const root = document.getElementById('app')!;

// The shell is written without words (an extension page's HTML gets no __MSG_…__ substitution):
// they come from the catalogue here, in the reader's language, before the app replaces it.
document.documentElement.lang = uiLocalizer().locale;
document.title = t('extName');
const shellHeading = root.querySelector('h1');
if (shellHeading) shellHeading.textContent = t('extName');
const shellInput = root.querySelector('input');
shellInput?.setAttribute('placeholder', t('popup.search.placeholder'));
shellInput?.setAttribute('aria-label', t('popup.search.label'));
const shellStatus = root.querySelector('.empty-state');
if (shellStatus) shellStatus.textContent = t('popup.loading');
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
