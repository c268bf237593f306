import { useMemo, useState } from 'preact/hooks';
import { isDramaTracked, rebalanceTracking, withDramasTracked, type Tracking } from '../../lib/settings';
import { DEFAULT_FILTER, filterRows, networksOf, STATUS_LABELS, type DramaFilter, type DramaRow } from './drama-rows';

export interface DramaTrackerProps {
  rows: DramaRow[];
  tracking: Tracking;
  /** Saves a new tracking choice (already in its smallest stored form). */
  onChange: (tracking: Tracking) => void;
}

const STATUS_ORDER = ['airing', 'upcoming', 'finished', 'unknown'] as const;

/** Every drama of the index with its status, filters, and track/untrack for one, the shown ones, or all. */
export function DramaTracker({ rows, tracking, onChange }: DramaTrackerProps) {
  const [filter, setFilter] = useState<DramaFilter>(DEFAULT_FILTER);
  const allIds = useMemo(() => rows.map((row) => row.id), [rows]);
  const networks = useMemo(() => networksOf(rows), [rows]);
  const statuses = STATUS_ORDER.filter((status) => rows.some((row) => row.status === status));
  const shown = filterRows(rows, filter);
  const trackedCount = rows.filter((row) => isDramaTracked(tracking, row.id)).length;
  const shownTracked = shown.filter((row) => isDramaTracked(tracking, row.id)).length;
  const filtered = shown.length !== rows.length;

  const change = (ids: string[], tracked: boolean) =>
    onChange(rebalanceTracking(withDramasTracked(tracking, ids, tracked), allIds));

  return (
    <div class="drama-tracker">
      <div class="filters" role="search" aria-label="Filter dramas">
        <label class="field grow">
          <span>Find</span>
          <input
            type="search"
            placeholder="Title, 한글 or network"
            value={filter.text}
            onInput={(e) => setFilter({ ...filter, text: e.currentTarget.value })}
          />
        </label>
        <label class="field">
          <span>Catalog</span>
          <select
            value={filter.catalog}
            onChange={(e) => setFilter({ ...filter, catalog: e.currentTarget.value as DramaFilter['catalog'] })}
          >
            <option value="curated">Curated ({rows.filter((row) => !row.imported).length})</option>
            <option value="imported">Korean Wikipedia, 2000–2020 ({rows.filter((row) => row.imported).length})</option>
            <option value="all">Both ({rows.length})</option>
          </select>
        </label>
        <label class="field">
          <span>Status</span>
          <select
            value={filter.status}
            onChange={(e) => setFilter({ ...filter, status: e.currentTarget.value as DramaFilter['status'] })}
          >
            <option value="all">Any status</option>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>Network</span>
          <select value={filter.network} onChange={(e) => setFilter({ ...filter, network: e.currentTarget.value })}>
            <option value="all">Any network</option>
            {networks.map((network) => (
              <option key={network.value} value={network.value}>
                {network.label} ({network.count})
              </option>
            ))}
          </select>
        </label>
      </div>

      <div class="tracker-bar">
        <p class="counts" role="status" data-testid="tracking-counts">
          <strong>{trackedCount}</strong> of {rows.length} dramas tracked
          {filtered && (
            <>
              {' '}
              · showing {shown.length} ({shownTracked} tracked)
            </>
          )}
        </p>
        <div class="bulk" role="group" aria-label="Track several dramas">
          {filtered ? (
            <>
              <button
                type="button"
                disabled={shownTracked === shown.length}
                onClick={() =>
                  change(
                    shown.map((row) => row.id),
                    true,
                  )
                }
              >
                Track {shown.length} shown
              </button>
              <button
                type="button"
                disabled={shownTracked === 0}
                onClick={() =>
                  change(
                    shown.map((row) => row.id),
                    false,
                  )
                }
              >
                Untrack {shown.length} shown
              </button>
            </>
          ) : null}
          <button
            type="button"
            disabled={trackedCount === rows.length}
            onClick={() => onChange({ mode: 'all-except', ids: [] })}
          >
            Track all
          </button>
          <button type="button" disabled={trackedCount === 0} onClick={() => onChange({ mode: 'only', ids: [] })}>
            Track none
          </button>
        </div>
      </div>

      {shown.length === 0 ? (
        <p class="empty">
          No drama matches these filters.{' '}
          <button
            type="button"
            class="link-button"
            onClick={() => setFilter({ ...DEFAULT_FILTER, catalog: filter.catalog })}
          >
            Clear filters
          </button>
        </p>
      ) : (
        <table class="drama-table">
          <caption class="visually-hidden">Dramas in the index; check a drama to track it</caption>
          <thead>
            <tr>
              <th scope="col" class="col-track">
                Track
              </th>
              <th scope="col">Title</th>
              <th scope="col">Network</th>
              <th scope="col">Years</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const tracked = isDramaTracked(tracking, row.id);
              return (
                <tr key={row.id} data-drama-id={row.id} class={tracked ? 'is-tracked' : undefined}>
                  <td class="col-track">
                    <input
                      type="checkbox"
                      id={`track-${row.id}`}
                      checked={tracked}
                      onChange={(e) => change([row.id], e.currentTarget.checked)}
                    />
                  </td>
                  <th scope="row">
                    <label for={`track-${row.id}`}>
                      <span class="title">{row.title}</span>
                      {row.hangul && (
                        <span class="hangul" lang="ko">
                          {row.hangul}
                        </span>
                      )}
                    </label>
                  </th>
                  <td>{row.network ?? <span class="muted">—</span>}</td>
                  <td class="years">{row.years || <span class="muted">—</span>}</td>
                  <td>
                    <span class={`status status-${row.status}`}>{STATUS_LABELS[row.status]}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
