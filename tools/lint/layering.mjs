// Layering rules that need to read the imported file: whether a module is
// server-only is written in the module itself (`import 'server-only'`), not in
// its path, so a path pattern cannot say it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const serverOnlyMarker = /^\s*import\s+['"]server-only['"]\s*;?\s*$/m;
const extensions = ['.ts', '.tsx', '.mts', '.js', '.mjs', '/index.ts', '/index.tsx'];

const markerCache = new Map();

/** Whether a file starts (anywhere at top level) with `import 'server-only'`. */
function isServerOnlyFile(file) {
  let marked = markerCache.get(file);
  if (marked === undefined) {
    marked = serverOnlyMarker.test(readFileSync(file, 'utf8'));
    markerCache.set(file, marked);
  }
  return marked;
}

/** Resolves a project import (`@/…` or relative) to a file; undefined for packages. */
function resolveProjectImport(specifier, fromFile) {
  let base;
  if (specifier.startsWith('@/')) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(fromFile), specifier);
  else return undefined;
  if (existsSync(base) && statSync(base).isFile()) return base;
  for (const extension of extensions) {
    if (existsSync(base + extension)) return base + extension;
  }
  return undefined;
}

/** Calls `check(specifier, node)` for every static import, re-export and dynamic import. */
function visitImports(check) {
  const visit = (node) => {
    if (node.source && typeof node.source.value === 'string') check(node.source.value, node.source);
  };
  return {
    ImportDeclaration: visit,
    ExportNamedDeclaration: visit,
    ExportAllDeclaration: visit,
    ImportExpression: visit,
  };
}

const noServerOnlyImport = {
  meta: {
    type: 'problem',
    docs: { description: 'Components import no server-only module; shared types come from a types module.' },
    messages: {
      serverOnly:
        "'{{specifier}}' is server-only (it imports 'server-only'): components receive data as props, and types come from a types module.",
    },
    schema: [],
  },
  create(context) {
    return visitImports((specifier, node) => {
      const file = resolveProjectImport(specifier, context.filename);
      if (file && isServerOnlyFile(file)) context.report({ node, messageId: 'serverOnly', data: { specifier } });
    });
  },
};

// Package names (and their subpaths) a pure lib module may not import.
const impurePackages = ['next', 'react', 'react-dom', 'drizzle-orm', '@electric-sql/pglite', 'pg', 'ioredis', 'nodemailer'];
const impureProjectFolders = ['lib/db/'];

const pureLibImports = {
  meta: {
    type: 'problem',
    docs: {
      description:
        "A pure lib module (not marked server-only, outside lib/server and lib/db) imports no next/*, React, database driver or database module.",
    },
    messages: {
      impure:
        "'{{specifier}}' is not allowed in a pure lib module: pass the values in as arguments, or mark this module `import 'server-only'` and keep it a thin adapter.",
    },
    schema: [],
  },
  create(context) {
    if (serverOnlyMarker.test(context.sourceCode.text)) return {};
    return visitImports((specifier, node) => {
      const isImpurePackage = impurePackages.some((name) => specifier === name || specifier.startsWith(`${name}/`));
      const file = isImpurePackage ? undefined : resolveProjectImport(specifier, context.filename);
      const isImpureModule =
        file !== undefined && impureProjectFolders.some((folder) => path.relative(root, file).startsWith(folder));
      if (isImpurePackage || isImpureModule) context.report({ node, messageId: 'impure', data: { specifier } });
    });
  },
};

export const layeringPlugin = {
  meta: { name: 'signpost-layering' },
  rules: { 'no-server-only-import': noServerOnlyImport, 'pure-lib-imports': pureLibImports },
};
