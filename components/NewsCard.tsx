import { t, uiLocalizer, type Localizer } from '../lib/i18n';
import type { NewsCardData } from '../lib/index/entity-card';

export interface NewsCardProps {
  news: NewsCardData;
}

type Precision = 'year' | 'month' | 'day';
const PARTIAL_DATE_OPTIONS: Record<Precision, Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric' },
  month: { month: 'short', year: 'numeric' },
  day: { day: 'numeric', month: 'short', year: 'numeric' },
};
const partialFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * `2021`, `Jul 2021` or `Jul 3, 2021` (en-US; `2021년 7월 3일` in Korean): only as precise as
 * the date is known. A calendar day, so it is spelled in UTC; an unreadable date is shown as is.
 */
export function formatPartialDate(date: string, l: Localizer = uiLocalizer()): string {
  const [year, month, day] = date.split('-').map(Number);
  if (!Number.isInteger(year) || (month !== undefined && !(month >= 1 && month <= 12))) return date;
  const precision: Precision = month === undefined ? 'year' : day === undefined ? 'month' : 'day';
  if (precision === 'day' && !(day! >= 1 && day! <= 31)) return date;
  const key = `${l.locale}|${precision}`;
  let formatter = partialFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(l.locale, { ...PARTIAL_DATE_OPTIONS[precision], timeZone: 'UTC' });
    partialFormatters.set(key, formatter);
  }
  const instant = new Date(0);
  instant.setUTCFullYear(year, (month ?? 1) - 1, day ?? 1); // also years before 100
  return formatter.format(instant);
}

/** A fan-news story: headline (a link when the URL is known), outlet, date, our summary, sources. */
export function NewsCard({ news }: NewsCardProps) {
  const [lead, ...others] = news.sources;
  return (
    <article class="news-card" data-story-id={news.storyId}>
      <h4 class="news-headline">
        {lead.url ? (
          <a href={lead.url} target="_blank" rel="noopener noreferrer">
            {news.headline}
          </a>
        ) : (
          news.headline
        )}
      </h4>
      <p class="news-meta">
        <span class="news-outlet">{lead.outlet}</span>
        {lead.published && (
          <>
            {' · '}
            <time dateTime={lead.published}>{formatPartialDate(lead.published)}</time>
          </>
        )}
        {others.length > 0 && (
          <span class="news-sources">
            {' · '}
            {t('card.sourcesAlso', [String(news.sources.length)])}{' '}
            {others.map((source, i) => (
              <span key={source.articleId}>
                {i > 0 && ', '}
                {source.url ? (
                  <a href={source.url} target="_blank" rel="noopener noreferrer">
                    {source.outlet}
                  </a>
                ) : (
                  source.outlet
                )}
              </span>
            ))}
          </span>
        )}
      </p>
      <p class="news-summary">{news.summary}</p>
    </article>
  );
}
