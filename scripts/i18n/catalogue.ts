// A locale's catalogue as the browser serves it, for code that runs outside one (unit tests,
// benches): `getMessage` with Chrome's substitution rules ($1…$9, $$ for a dollar sign, "" for
// an unknown key), from the same WXT conversion of locales/<lang>.yml the build ships.
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import path from 'node:path';

const LOCALES_DIR = path.resolve(import.meta.dirname, '../../locales');

export type GetMessage = (key: string, substitutions?: string | string[]) => string;

export async function loadCatalogue(locale: string): Promise<{ getMessage: GetMessage; keys: string[] }> {
  const messages = generateChromeMessages(await parseMessagesFile(path.join(LOCALES_DIR, `${locale}.yml`)));
  const getMessage: GetMessage = (key, substitutions) => {
    const entry = messages[key];
    if (!entry) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return entry.message.replace(/\$(\$|[1-9])/g, (_, which: string) =>
      which === '$' ? '$' : (subs[Number(which) - 1] ?? ''),
    );
  };
  return { getMessage, keys: Object.keys(messages) };
}
