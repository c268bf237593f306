import { useState } from 'preact/hooks';
import { type Follows } from '../../lib/settings';
import {
  followsFromReview,
  MAX_WATCHLIST_BYTES,
  readWatchlistCsv,
  type CatalogDrama,
  type WatchlistRow,
} from '../../lib/settings/watchlist-csv';
import { FilePickerButton } from './FilePickerButton';
import { t, uiLocalizer } from '../../lib/i18n';
import { followStatusLabel } from '../FollowStatusSelect';

export interface WatchlistTransferProps {
  catalog: readonly CatalogDrama[];
  follows: Follows;
  onExport: () => void;
  /** Saves the reviewed follows; resolves to an error message when they could not be saved. */
  onSave: (follows: Follows) => Promise<string | undefined>;
}

interface Review {
  fileName: string;
  rows: WatchlistRow[];
  /** Ambiguous rows: line → the chosen drama id, or null to leave the row out. */
  choices: Map<number, string | null>;
}

/** Watchlist CSV: export, and import with a review step; nothing is saved before “Import”. */
export function WatchlistTransfer({ catalog, follows, onExport, onSave }: WatchlistTransferProps) {
  const [review, setReview] = useState<Review | null>(null);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const title = (id: string) => {
    const drama = catalog.find((d) => d.id === id);
    return drama
      ? `${drama.title}${drama.hangul ? ` ${drama.hangul}` : ''}${drama.year ? ` (${drama.year})` : ''}`
      : id;
  };

  const readFile = async (file: File) => {
    setReview(null);
    if (file.size > MAX_WATCHLIST_BYTES) {
      setResult({ ok: false, message: t('options.watchlist.tooLarge') });
      return;
    }
    const read = readWatchlistCsv(await file.text(), catalog);
    if (!read.ok) {
      setResult({ ok: false, message: read.error(uiLocalizer()) });
      return;
    }
    setResult(null);
    const choices = new Map<number, string | null>();
    for (const row of read.rows) if (row.match.kind === 'ambiguous') choices.set(row.line, null);
    setReview({ fileName: file.name, rows: read.rows, choices });
  };

  const toImport = review ? Object.keys(followsFromReview({}, review.rows, review.choices)).length : 0;
  const brand = t('extName');

  return (
    <div class="watchlist">
      <div class="button-row">
        <button type="button" onClick={onExport} disabled={Object.keys(follows).length === 0}>
          {t('options.watchlist.export')}
        </button>
        <FilePickerButton
          label={t('options.watchlist.import')}
          accept="text/csv,.csv"
          inputLabel={t('options.watchlist.fileLabel')}
          testId="watchlist-file"
          onFile={readFile}
        />
      </div>
      {review && (
        <section class="watchlist-review" aria-labelledby="watchlist-review-heading">
          <h3 id="watchlist-review-heading">{t('options.watchlist.review', [review.fileName])}</h3>
          <p class="muted">{t('options.watchlist.reviewHint', [brand])}</p>
          <table class="drama-table">
            <thead>
              <tr>
                <th scope="col">{t('options.watchlist.colLine')}</th>
                <th scope="col">{t('options.watchlist.colFile')}</th>
                <th scope="col">{t('options.watchlist.colStatus')}</th>
                <th scope="col">{t('options.watchlist.colDrama', [brand])}</th>
              </tr>
            </thead>
            <tbody>
              {review.rows.map((row) => (
                <tr key={row.line} data-line={row.line} data-match={row.match.kind}>
                  <td>{row.line}</td>
                  <th scope="row">{row.title}</th>
                  <td>
                    {followStatusLabel(row.follow.status)}
                    {row.follow.episode ? `, ${t('options.watchlist.episode', [String(row.follow.episode)])}` : ''}
                  </td>
                  <td>
                    {row.match.kind === 'matched' && title(row.match.dramaId)}
                    {row.match.kind === 'unknown' && <span class="muted">{t('options.watchlist.unknown')}</span>}
                    {row.match.kind === 'ambiguous' && (
                      <select
                        aria-label={t('options.watchlist.which', [row.title, String(row.line)])}
                        value={review.choices.get(row.line) ?? ''}
                        onChange={(e) => {
                          const choices = new Map(review.choices);
                          choices.set(row.line, e.currentTarget.value || null);
                          setReview({ ...review, choices });
                        }}
                      >
                        <option value="">{t('options.watchlist.leaveOut')}</option>
                        {row.match.candidates.map((id) => (
                          <option key={id} value={id}>
                            {title(id)}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="button-row">
            <button
              type="button"
              class="primary"
              disabled={toImport === 0}
              onClick={async () => {
                const next = followsFromReview(follows, review.rows, review.choices);
                const error = await onSave(next);
                setReview(null);
                setResult(
                  error
                    ? { ok: false, message: t('options.common.nothingChanged', [error]) }
                    : {
                        ok: true,
                        message: t('options.watchlist.imported', toImport, [String(toImport), review.fileName]),
                      },
                );
              }}
            >
              {t('options.watchlist.importButton', toImport)}
            </button>
            <button
              type="button"
              onClick={() => {
                setReview(null);
                setResult({ ok: true, message: t('options.watchlist.cancelled') });
              }}
            >
              {t('options.common.cancel')}
            </button>
          </div>
        </section>
      )}
      <p
        class={result && !result.ok ? 'feedback error' : 'feedback'}
        role={result && !result.ok ? 'alert' : 'status'}
        data-testid="watchlist-feedback"
      >
        {result?.message ?? ''}
      </p>
    </div>
  );
}
