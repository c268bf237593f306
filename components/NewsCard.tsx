import type { NewsCardData } from '../lib/index/entity-card';
import { MONTH_SHORT_NAMES } from '../lib/schedule/calendar';

export interface NewsCardProps {
  news: NewsCardData;
}

/** `2021`, `Jul 2021` or `3 Jul 2021`: only as precise as the date is known. */
export function formatPartialDate(date: string): string {
  const [year, month, day] = date.split('-');
  if (!month) return year;
  const monthName = MONTH_SHORT_NAMES[Number(month) - 1] ?? month;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
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
            {news.sources.length} sources, also{' '}
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
