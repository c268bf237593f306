import { useState } from 'preact/hooks';
import { addDisabledSite } from '../../lib/settings';
import { t, uiLocalizer } from '../../lib/i18n';

/** The example in the site box: an address, not words to translate. */
const EXAMPLE_SITE = 'soompi.com';

export interface SiteListProps {
  sites: string[];
  /** Saves the list; resolves to an error message when it could not be saved. */
  onChange: (sites: string[]) => Promise<string | undefined>;
}

/** The sites where Dramalens stays off: add (checked as you submit) and remove. */
export function SiteList({ sites, onChange }: SiteListProps) {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const add = async (event: Event) => {
    event.preventDefault();
    const change = addDisabledSite(sites, input);
    if (!change.ok) {
      setError(change.error(uiLocalizer()));
      setMessage(null);
      return;
    }
    const failed = await onChange(change.sites);
    setError(failed ?? null);
    setMessage(failed ? null : change.message(uiLocalizer()));
    if (!failed) setInput('');
  };

  const remove = async (site: string) => {
    const failed = await onChange(sites.filter((other) => other !== site));
    setError(failed ?? null);
    setMessage(failed ? null : t('options.sites.onAgain', [t('extName'), site]));
  };

  return (
    <div class="site-list">
      <form class="site-form" onSubmit={add} noValidate>
        <label class="field grow">
          <span>{t('options.sites.label')}</span>
          <input
            type="text"
            name="site"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder={EXAMPLE_SITE}
            value={input}
            aria-invalid={error ? true : undefined}
            aria-describedby="site-hint site-feedback"
            onInput={(e) => {
              setInput(e.currentTarget.value);
              setError(null);
            }}
          />
        </label>
        <button type="submit">{t('options.sites.add')}</button>
      </form>
      <p id="site-hint" class="hint">
        {t('options.sites.hint')}
      </p>
      <p id="site-feedback" class={error ? 'feedback error' : 'feedback'} role={error ? 'alert' : 'status'}>
        {error ?? message ?? ''}
      </p>
      {sites.length === 0 ? (
        <p class="empty">{t('options.sites.none', [t('extName')])}</p>
      ) : (
        <ul class="sites" aria-label={t('options.section.sites', [t('extName')])}>
          {sites.map((site) => (
            <li key={site} data-site={site}>
              <span class="site-name">{site}</span>
              <button
                type="button"
                class="small"
                aria-label={t('options.sites.removeNamed', [site])}
                onClick={() => void remove(site)}
              >
                {t('options.sites.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
