import { useState } from 'preact/hooks';
import { addDisabledSite } from '../../lib/settings';

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
      setError(change.error);
      setMessage(null);
      return;
    }
    const failed = await onChange(change.sites);
    setError(failed ?? null);
    setMessage(failed ? null : change.message);
    if (!failed) setInput('');
  };

  const remove = async (site: string) => {
    const failed = await onChange(sites.filter((other) => other !== site));
    setError(failed ?? null);
    setMessage(failed ? null : `Dramalens is on again on ${site}.`);
  };

  return (
    <div class="site-list">
      <form class="site-form" onSubmit={add} noValidate>
        <label class="field grow">
          <span>Site</span>
          <input
            type="text"
            name="site"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="soompi.com"
            value={input}
            aria-invalid={error ? true : undefined}
            aria-describedby="site-hint site-feedback"
            onInput={(e) => {
              setInput(e.currentTarget.value);
              setError(null);
            }}
          />
        </label>
        <button type="submit">Switch off here</button>
      </form>
      <p id="site-hint" class="hint">
        A site covers its subdomains: soompi.com also switches off www.soompi.com. You can paste a page’s address.
      </p>
      <p id="site-feedback" class={error ? 'feedback error' : 'feedback'} role={error ? 'alert' : 'status'}>
        {error ?? message ?? ''}
      </p>
      {sites.length === 0 ? (
        <p class="empty">Dramalens runs on every site.</p>
      ) : (
        <ul class="sites" aria-label="Sites where Dramalens is off">
          {sites.map((site) => (
            <li key={site} data-site={site}>
              <span class="site-name">{site}</span>
              <button type="button" class="small" aria-label={`Remove ${site}`} onClick={() => void remove(site)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
