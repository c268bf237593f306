import { render } from 'preact';
import { App } from './App';
import { loadPopupData, requestedCard, requestedTabId } from './popup-data';

/** Starts the popup's requests, then replaces the static shell in `root` with the app. */
export function boot(root: HTMLElement) {
  // `popup.html?tabId=N` shows tab N (the e2e tests' seam); the toolbar opens it without one,
  // for the active tab.
  const loading = loadPopupData(requestedTabId(location.search));
  // Keep anything already typed into the shell's search box.
  const typed = root.querySelector('input')?.value ?? '';
  root.textContent = '';
  render(<App loading={loading} initialQuery={typed} initialCard={requestedCard(location.search)} />, root);
}
