import { useEffect, useState } from 'preact/hooks';
import { nextAirTime } from '../../lib/schedule';
import { loadExtensionData, type ExtensionData } from '../../lib/ui/extension-data';

export function App() {
  const [data, setData] = useState<ExtensionData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadExtensionData().then(setData, (e: Error) => setError(e.message));
  }, []);
  if (error) return <p role="alert">Dramalens could not load its index: {error}</p>;
  if (!data) return <p class="muted">Loading…</p>;
  const now = data.clock.now();
  return (
    <main>
      <h1>Dramalens options</h1>
      <h2>Dramas in the index</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Network</th>
            <th scope="col">Years</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {data.index.dramas.map((drama) => {
            const air = nextAirTime(drama.schedule, now, data.timeZone);
            const years = [drama.schedule?.premiere, drama.schedule?.finale].map((d) => d?.slice(0, 4)).filter(Boolean);
            return (
              <tr key={drama.id} data-drama-id={drama.id}>
                <td>
                  {drama.title} {drama.hangul && <span class="hangul">{drama.hangul}</span>}
                </td>
                <td>{drama.network ?? '—'}</td>
                <td>{[...new Set(years)].join('–') || '—'}</td>
                <td>{air.state}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </main>
  );
}
