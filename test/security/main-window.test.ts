import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { webPreferences } from '../../main/window/web-preferences';
import { ROOT } from './electronegativity-scan';

// main/window/web-preferences.test.ts pins what webPreferences() returns; electronegativity
// cannot see through that call (see SECURITY.md). These tests close the gap between the two: the
// app's windows really are built with it, and every web contents is guarded before one exists.

const WEB_CONTENTS_CLASSES = new Set(['BrowserWindow', 'BrowserView', 'WebContentsView']);

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
}

function descendants(node: ts.Node): ts.Node[] {
  const found: ts.Node[] = [];
  node.forEachChild((child) => {
    found.push(child, ...descendants(child));
  });
  return found;
}

const shippedFiles = () =>
  readdirSync(join(ROOT, 'main'), { recursive: true })
    .map((file) => join('main', String(file)))
    .filter((file) => /\.ts$/.test(file) && !/\.test\.ts$|(^|\/)tests\//.test(file));

const constructions = (source: ts.SourceFile) =>
  descendants(source).filter(
    (node): node is ts.NewExpression => ts.isNewExpression(node) && ts.isIdentifier(node.expression) && WEB_CONTENTS_CLASSES.has(node.expression.text),
  );

const callsOf = (source: ts.SourceFile, name: string) =>
  descendants(source).filter(
    (node): node is ts.CallExpression => ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === name,
  );

describe('the windows main creates', () => {
  it('are one BrowserWindow, in main/index.ts', () => {
    const found = shippedFiles().flatMap((file) => constructions(parse(file)).map((node) => `${file}: new ${node.expression.getText()}`));
    expect(found).toEqual(['main/index.ts: new BrowserWindow']);
  });

  it('takes its webPreferences from webPreferences(), repeating only the sandbox settings as the same literals, with nothing after to override them', () => {
    const [window] = constructions(parse('main/index.ts'));
    const options = window?.arguments?.[0];
    if (options === undefined || !ts.isObjectLiteralExpression(options)) throw new Error('new BrowserWindow() is not given an object literal');
    const properties = options.properties;
    const index = properties.findIndex((property) => property.name?.getText() === 'webPreferences');
    const property = properties[index];
    if (property === undefined || !ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.initializer))
      throw new Error('webPreferences is not an object literal');
    const [first, ...literals] = property.initializer.properties;
    // The tested policy first, whole; then, for scanners that read only literals, the same three values again.
    expect(first && ts.isSpreadAssignment(first) && ts.isCallExpression(first.expression) ? first.expression.expression.getText() : first?.getText()).toBe(
      'webPreferences',
    );
    const policy = webPreferences('/preload.cjs');
    expect(Object.fromEntries(literals.map((literal) => [literal.name?.getText(), literal.getText().split(':')[1]?.trim()]))).toEqual({
      contextIsolation: String(policy.contextIsolation),
      sandbox: String(policy.sandbox),
      nodeIntegration: String(policy.nodeIntegration),
    });
    expect(
      properties
        .slice(index + 1)
        .filter((later) => ts.isSpreadAssignment(later) || later.name?.getText() === 'webPreferences')
        .map((later) => later.getText()),
    ).toEqual([]);
  });

  it('exist only after every web contents is guarded and the session secured', () => {
    const source = parse('main/index.ts');
    const [guard] = callsOf(source, 'secureEveryWebContents');
    const [session] = callsOf(source, 'secureSession');
    const [open] = callsOf(source, 'openMainWindow');
    expect(guard && session && open).toBeDefined();
    expect(Math.max(guard?.getStart() ?? Infinity, session?.getStart() ?? Infinity)).toBeLessThan(open?.getStart() ?? -1);
  });
});
