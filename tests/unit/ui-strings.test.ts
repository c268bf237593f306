// Every word a reader sees comes from the catalogues (locales/*.yml): this fails on English left
// in the UI's source. It reads the code with the TypeScript parser: JSX text, text-bearing JSX
// attributes (aria-label, title, placeholder, alt, label), string and template literals inside
// JSX, and elsewhere in the UI's code any literal that reads as words ("Word word", or one
// capitalised word such as "Next"). Developer-facing text (thrown errors, console output) is not
// UI; a CSS class or a storage key never has those shapes; data shown as it is (a sample title)
// is declared under a comment saying it is "not words to translate".
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@babel/parser';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../scripts/i18n/catalogue';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Where the UI's strings live: the card's and popup's components, the pages, what the background shows. */
const UI_SOURCES = [
  'components',
  'entrypoints/popup',
  'entrypoints/options',
  'lib/page/card',
  'lib/reminders/notification-text.ts',
  'lib/background/badge.ts',
  // Pure modules whose words reach the reader (as Phrases or through a Localizer). Not here:
  // lib/settings/watchlist-csv.ts (its words are the CSV format's column and status names) and
  // quota.ts (its words are a developer's, in the Error message; the reader gets a Phrase).
  'lib/schedule/format.ts',
  'lib/schedule/ics-export.ts',
  'lib/settings/sites.ts',
  'lib/settings/settings-file.ts',
  'lib/settings/setting-names.ts',
  'lib/settings/chunked-list.ts',
  'lib/settings/store.ts',
];
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);
/** A capitalised word, as labels are ("Next", "Premiere"); keys and classes are lower case. */
const CAPITALISED = /^[A-Z][a-z]+[.:…!?]?$/;
/** What a comment above a declaration says when its text is data, not words of the UI. */
const DATA_MARK = 'not words to translate';
const LETTERS = /[A-Za-z\u3131-\uD79D]/;
/** Words, not a CSS class list or a key: "Aired while…", "new episode" (not "air air-finished"). */
const WORDS = /(^|[^-\w])([A-Z][a-z]+|[a-z]{2,})[,.:;!?]? [a-z]{2,}([\s,.:;!?…]|$)/;

function sourceFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!statSync(full, { throwIfNoEntry: false })) return [];
  if (statSync(full).isFile()) return [full];
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => path.join(full, f));
}

interface Node {
  type: string;
  loc?: { start: { line: number } };
  [field: string]: unknown;
}
const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

/** The callee's source text, e.g. `console.warn`, `t` or `i18n.t`. */
function calleeName(node: Node): string {
  const callee = node.callee as Node | undefined;
  if (!callee) return '';
  if (callee.type === 'Identifier') return String(callee.name);
  if (callee.type === 'MemberExpression' && isNode(callee.object) && isNode(callee.property))
    return `${String(callee.object.name ?? '')}.${String(callee.property.name ?? '')}`;
  return '';
}

/** "file:line: text" for each UI string written in the code rather than taken from the catalogue. */
export function uncataloguedStrings(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const ast = parse(text, {
    sourceType: 'module',
    plugins: file.endsWith('x') ? ['typescript', 'jsx'] : ['typescript'],
  });
  const found: string[] = [];
  const report = (node: Node, value: string) =>
    found.push(`${path.relative(ROOT, file)}:${node.loc?.start.line}: ${JSON.stringify(value.trim())}`);
  /** `jsx`: where in JSX the walk is (outside it, a text attribute, another attribute, a child expression). */
  const visit = (node: Node, jsx: 'none' | 'text-attribute' | 'other-attribute' | 'child') => {
    switch (node.type) {
      case 'ImportDeclaration':
      case 'ExportAllDeclaration':
      case 'TSTypeAnnotation':
      case 'TSLiteralType':
      case 'TSInterfaceDeclaration':
      case 'TSTypeAliasDeclaration':
        return;
      case 'VariableDeclaration': {
        // Data the UI shows as it is (a sample name, an address) says so where it is declared.
        const comments = (node.leadingComments as { value: string }[] | undefined) ?? [];
        if (comments.some((c) => c.value.includes(DATA_MARK))) return;
        break;
      }
      case 'NewExpression':
        if (calleeName(node).endsWith('Error')) return; // developer-facing
        break;
      case 'CallExpression': {
        const name = calleeName(node);
        if (name.startsWith('console.') || name === 't' || name.endsWith('.t')) return; // a catalogue key or a log
        break;
      }
      case 'BinaryExpression':
        // `state === 'upcoming'` compares data, it shows nothing
        if (['===', '!==', '==', '!='].includes(String(node.operator))) return;
        break;
      case 'JSXText':
        if (LETTERS.test(String(node.value))) report(node, String(node.value));
        return;
      case 'JSXAttribute': {
        const name = isNode(node.name) ? String(node.name.name) : '';
        const kind = TEXT_ATTRIBUTES.has(name) ? 'text-attribute' : 'other-attribute';
        if (isNode(node.value)) visit(node.value, kind);
        return;
      }
      case 'JSXExpressionContainer':
        if (jsx === 'none' || jsx === 'child') {
          if (isNode(node.expression)) visit(node.expression, 'child');
          return;
        }
        break;
      case 'JSXElement':
      case 'JSXFragment':
        for (const child of [node.openingElement, ...((node.children as Node[]) ?? [])])
          if (isNode(child)) visit(child, 'none');
        return;
      case 'StringLiteral':
      case 'TemplateElement': {
        const value =
          node.type === 'StringLiteral' ? String(node.value) : String((node.value as { cooked: string }).cooked ?? '');
        if (
          jsx === 'text-attribute' || jsx === 'child'
            ? LETTERS.test(value)
            : jsx === 'none' && (WORDS.test(value) || CAPITALISED.test(value))
        )
          report(node, value);
        return;
      }
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments') continue;
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) visit(item, jsx);
      } else if (isNode(value)) visit(value, jsx);
    }
  };
  visit(ast.program as unknown as Node, 'none');
  return found;
}

describe('UI strings', () => {
  const files = UI_SOURCES.flatMap(sourceFiles);

  it('come from the catalogue: none is written in the UI code', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap(uncataloguedStrings)).toEqual([]);
  });

  it('the check sees English written into JSX, attributes and UI modules', () => {
    const probe = path.join(ROOT, 'tests/fixtures/i18n-probe.tsx');
    expect(uncataloguedStrings(probe).map((s) => s.replace(/^[^:]+:\d+: /, ''))).toEqual([
      '"Follow this drama"',
      '"Close"',
      '"Finished"',
      '"Next episode"',
      '"Aired while you were away"',
      '"Premiere"',
    ]);
  });

  it('English and Korean have the same keys and every message is filled in', async () => {
    const [en, ko] = await Promise.all([loadCatalogue('en'), loadCatalogue('ko')]);
    expect(ko.keys.sort()).toEqual(en.keys.sort());
    for (const key of en.keys) {
      expect(en.getMessage(key, ['1', '2', '3', '4']), key).not.toBe('');
      expect(ko.getMessage(key, ['1', '2', '3', '4']), key).not.toBe('');
    }
  });
});
