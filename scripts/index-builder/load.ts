// Reads data/ and validates each file, keeping line numbers so every problem is reported as
// `path:line: message`.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import * as v from 'valibot';
import {
  articleFrontMatterSchema,
  dramaFileSchema,
  importedDatasetSchema,
  personFileSchema,
  type ArticleFrontMatter,
  type DramaFile,
  type ImportedDatasetFile,
  type PersonFile,
} from './schema';

/** The imported Korean-Wikipedia tier (`npm run import:dramadb`), relative to the root. */
export const IMPORTED_DRAMADB_FILE = 'data/imported/dramadb.json';

export interface DataProblem {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  line: number;
  message: string;
}

export const formatProblem = (p: DataProblem) => `${p.file}:${p.line}: ${p.message}`;

/** Where a value came from, so later checks (duplicates, references) can point at it. */
export interface Located<T> {
  value: T;
  file: string;
  /** Line of a key path inside the file. */
  lineOf: (keyPath: (string | number)[]) => number;
}

export interface LoadedData {
  dramas: Located<DramaFile>[];
  people: Located<PersonFile>[];
  articles: Located<ArticleFrontMatter & { summary: string }>[];
  /** data/imported/dramadb.json, when the file exists; `lineOf(['dramas', 3])` is that entry's line. */
  imported?: Located<ImportedDatasetFile>;
  problems: DataProblem[];
}

interface ParsedYaml {
  data: unknown;
  lineOf: (keyPath: (string | number)[]) => number;
  problems: { line: number; message: string }[];
}

function parseYaml(text: string, firstLine: number): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const problems = [...doc.errors, ...doc.warnings].map((e) => ({
    line: lineAt(e.pos[0]),
    message: e.code === 'DUPLICATE_KEY' ? 'a key appears twice' : e.message.split('\n')[0],
  }));
  const lineOf = (keyPath: (string | number)[]) => {
    // Walk down as far as the path exists and report the deepest key or item found.
    let node: unknown = doc.contents;
    let line = isNode(node) && node.range ? lineAt(node.range[0]) : firstLine;
    for (const key of keyPath) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
        if (!pair) break;
        if (isNode(pair.key) && pair.key.range) line = lineAt(pair.key.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key];
        if (!isNode(item)) break;
        if (item.range) line = lineAt(item.range[0]);
        node = item;
      } else break;
    }
    return line;
  };
  return { data: problems.length > 0 ? undefined : doc.toJS(), lineOf, problems };
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const key = issue.path?.at(-1)?.key;
  if (issue.expected === 'never' && issue.kind === 'schema' && typeof key === 'string') {
    return `unknown field "${key}"`;
  }
  if (issue.received === 'undefined' && typeof key === 'string') return `missing required field "${key}"`;
  return issue.message;
}

function validate<TSchema extends v.GenericSchema>(
  schema: TSchema,
  parsed: ParsedYaml,
  file: string,
  problems: DataProblem[],
): Located<v.InferOutput<TSchema>> | undefined {
  if (parsed.problems.length > 0) {
    for (const p of parsed.problems) problems.push({ file, line: p.line, message: `malformed YAML: ${p.message}` });
    return undefined;
  }
  if (parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
    problems.push({ file, line: parsed.lineOf([]), message: 'expected a mapping of fields (key: value)' });
    return undefined;
  }
  const result = v.safeParse(schema, parsed.data);
  if (!result.success) {
    for (const issue of result.issues) {
      const keyPath = (issue.path ?? []).map((p) => p.key as string | number);
      problems.push({ file, line: parsed.lineOf(keyPath), message: describeIssue(issue) });
    }
    return undefined;
  }
  return { value: result.output, file, lineOf: parsed.lineOf };
}

async function listFiles(dir: string, extension: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith(extension)).sort();
}

function checkFileName(
  located: Located<{ id: string }> | undefined,
  fileName: string,
  extension: string,
  problems: DataProblem[],
) {
  if (!located) return;
  const expected = `${located.value.id}${extension}`;
  if (fileName !== expected) {
    problems.push({
      file: located.file,
      line: located.lineOf(['id']),
      message: `file is named "${fileName}" but its id is "${located.value.id}" (rename it to "${expected}")`,
    });
  }
}

/** Front matter between `---` lines, then the Markdown body (our summary). */
export function splitFrontMatter(text: string): { frontMatter: string; body: string; bodyLine: number } | undefined {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) return undefined;
  return { frontMatter: m[1], body: m[2], bodyLine: m[1].split('\n').length + 3 };
}

export async function loadData(root: string): Promise<LoadedData> {
  const problems: DataProblem[] = [];
  const rel = (abs: string) => path.relative(root, abs).split(path.sep).join('/');
  const dataDir = path.join(root, 'data');

  const loadYamlKind = async <TSchema extends v.GenericSchema>(sub: string, schema: TSchema) => {
    const dir = path.join(dataDir, sub);
    const out: Located<v.InferOutput<TSchema>>[] = [];
    for (const name of await listFiles(dir, '.yaml')) {
      const file = rel(path.join(dir, name));
      const text = await readFile(path.join(dir, name), 'utf8');
      const located = validate(schema, parseYaml(text, 1), file, problems);
      checkFileName(located as Located<{ id: string }> | undefined, name, '.yaml', problems);
      if (located) out.push(located);
    }
    const stray = (await listFiles(dir, '.yml')).concat(await listFiles(dir, '.json'));
    for (const name of stray)
      problems.push({ file: rel(path.join(dir, name)), line: 1, message: 'data files must end in .yaml' });
    return out;
  };

  const dramas = await loadYamlKind('dramas', dramaFileSchema);
  const people = await loadYamlKind('people', personFileSchema);

  const articles: LoadedData['articles'] = [];
  const articleDir = path.join(dataDir, 'articles');
  for (const name of await listFiles(articleDir, '.md')) {
    const file = rel(path.join(articleDir, name));
    const text = await readFile(path.join(articleDir, name), 'utf8');
    const parts = splitFrontMatter(text);
    if (!parts) {
      problems.push({ file, line: 1, message: 'an article must start with YAML front matter between two "---" lines' });
      continue;
    }
    const located = validate(articleFrontMatterSchema, parseYaml(parts.frontMatter, 2), file, problems);
    checkFileName(located, name, '.md', problems);
    if (!located) continue;
    const summary = parts.body.trim().replace(/\s+/g, ' ');
    if (summary.length === 0) {
      problems.push({ file, line: parts.bodyLine, message: 'the summary (the text after the front matter) is empty' });
      continue;
    }
    articles.push({ ...located, value: { ...located.value, summary } });
  }
  const imported = await loadImported(root, problems);
  return { dramas, people, articles, ...(imported ? { imported } : {}), problems };
}

/**
 * The imported file is JSON with one entry per line (dramadb-import.ts writes it so): an entry's
 * line is the line of its list's opening bracket plus its position.
 */
async function loadImported(root: string, problems: DataProblem[]): Promise<Located<ImportedDatasetFile> | undefined> {
  const file = IMPORTED_DRAMADB_FILE;
  let text: string;
  try {
    text = await readFile(path.join(root, file), 'utf8');
  } catch {
    return undefined;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : 1;
    problems.push({ file, line, message: `malformed JSON: ${(error as Error).message.split('\n')[0]}` });
    return undefined;
  }
  const lines = text.split('\n');
  const listLine = new Map<string, number>();
  lines.forEach((l, i) => {
    const m = /^"(\w+)": \[$/.exec(l);
    if (m) listLine.set(m[1], i + 1);
  });
  const lineOf = (keyPath: (string | number)[]) => {
    const start = typeof keyPath[0] === 'string' ? listLine.get(keyPath[0]) : undefined;
    if (start === undefined) return 1;
    return typeof keyPath[1] === 'number' ? start + 1 + keyPath[1] : start;
  };
  const result = v.safeParse(importedDatasetSchema, data);
  if (!result.success) {
    for (const issue of result.issues.slice(0, 20)) {
      const keyPath = (issue.path ?? []).map((p) => p.key as string | number);
      problems.push({ file, line: lineOf(keyPath), message: `${describeIssue(issue)} (run npm run import:dramadb)` });
    }
    return undefined;
  }
  return { value: result.output, file, lineOf };
}
