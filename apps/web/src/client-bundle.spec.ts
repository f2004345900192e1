// The content package's index holds the QCM's answers and the annotated schema's key: a value imported from
// it in a client component would ship them to every browser (Next serves its chunks without a session).
// Server components give client components what they need, already stripped (see publicTemplate).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from '@jest/globals';

const SRC = __dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.spec\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Bundled for the browser: client components, and the libraries they use. */
const isClientCode = (path: string, text: string) =>
  /^\s*['"]use client['"]/.test(text) || relative(SRC, path).startsWith('lib/');

/** `import { a, type B } from '@dlclass/content'` (values), not `import type { … }`. */
const VALUE_IMPORT = /^import\s+(?!type\s)[^;]*?from\s+['"]@dlclass\/content['"]/m;

describe('browser bundles', () => {
  it('take no value from @dlclass/content (answer keys stay on the server)', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    const offending = files
      .filter((path) => {
        const text = readFileSync(path, 'utf8');
        return isClientCode(path, text) && VALUE_IMPORT.test(text);
      })
      .map((path) => relative(SRC, path));
    expect(offending).toEqual([]);
  });

  it('recognises a value import and lets a type import through', () => {
    expect(VALUE_IMPORT.test("import { templateFor } from '@dlclass/content';")).toBe(true);
    expect(VALUE_IMPORT.test("import {\n  type TTemplate,\n  SEANCE_1,\n} from '@dlclass/content';")).toBe(
      true,
    );
    expect(VALUE_IMPORT.test("import type { TTemplate } from '@dlclass/content';")).toBe(false);
  });
});
