import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPageModules } from '../../scripts/page-modules/build';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('page modules', () => {
  // The card formats air times with lib/schedule/format.ts and calendar.ts, which imports dayjs for wall →
  // instant conversion only; the card never converts that way, so dayjs must stay out of it.
  it('the card carries no dayjs', async () => {
    const files = await buildPageModules(ROOT);
    const card = files.find((f) => f.relative.endsWith('/card.js'));
    expect(card).toBeDefined();
    const text = new TextDecoder().decode(card!.contents);
    expect(text).toContain('DateTimeFormat'); // the formatters did come along
    expect(text).not.toContain('$isDayjsObject');
  });
});
