import { useEffect, useState } from 'preact/hooks';
import { AirStatus } from '../../components/AirStatus';
import { nextAirTime } from '../../lib/schedule';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { loadExtensionData, type ExtensionData } from '../../lib/ui/extension-data';

const STATE_ORDER = { airing: 0, upcoming: 1, finished: 2, unknown: 3 } as const;

export function App() {
  const [data, setData] = useState<ExtensionData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadExtensionData().then(setData, (e: Error) => setError(e.message));
  }, []);

  if (error) return <p role="alert">Dramalens could not load its index: {error}</p>;
  if (!data) return <p class="muted">Loading…</p>;
  const now = data.clock.now();
  const rows = data.index.dramas
    .map((drama) => ({ drama, air: nextAirTime(drama.schedule, now, data.timeZone) }))
    .sort(
      (a, b) =>
        STATE_ORDER[a.air.state] - STATE_ORDER[b.air.state] ||
        (a.air.next?.at ?? 0) - (b.air.next?.at ?? 0) ||
        a.drama.title.localeCompare(b.drama.title),
    );
  return (
    <main>
      <header>
        <h1>Dramalens</h1>
        <span class="muted">{data.index.dramas.length} dramas</span>
      </header>
      <section aria-labelledby="dramas-heading">
        <h2 id="dramas-heading">Dramas</h2>
        <ul class="drama-list">
          {rows.map(({ drama, air }) => (
            <li key={drama.id} data-drama-id={drama.id}>
              <div class="drama-title">
                {drama.title} {drama.hangul && <span class="hangul">{drama.hangul}</span>}
              </div>
              <div class="drama-meta">
                <AirStatus air={air} display={DEFAULT_SETTINGS.display} viewerTimeZone={data.timeZone} />
              </div>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
