import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * A hook that starts an app or a server without its own timeout gets the project's test timeout
 * (20 s, set in jest.config.js), which a busy 2-core machine can exceed; a failed `beforeAll` then fails every test of
 * its file. This check holds the whole class: every such hook in every spec names its timeout.
 */
const ROOT = join(__dirname, '../../../..');
const SCANNED = ['apps', 'libs', 'infra'];

/** Calls that start something slow: an app, a service, a child process, a server. */
const STARTS =
  /\b(create\w*App|bootstrapHttpApp|PlatformClient\.start|startService|startPlatform|NestFactory\.create|spawn|fork|\.listen|\.restart)\s*\(/;
const HOOKS = new Set(['beforeAll', 'beforeEach', 'afterAll', 'afterEach']);

const specFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return specFiles(path);
    return entry.name.endsWith('.spec.ts') ? [path] : [];
  });

/** The hooks of a file that start something and name no timeout: `file:line hook`. */
export function untimedStartingHooks(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  // jest.setTimeout(n) at the top of a file sets the hooks' timeout too.
  if (/^\s*jest\.setTimeout\(/m.test(source)) return [];
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      HOOKS.has(node.expression.text) &&
      node.arguments.length === 1
    ) {
      const body = node.arguments[0];
      const text = ts.isIdentifier(body) ? startingFunctionText(sf, body.text) : body.getText(sf);
      if (STARTS.test(text)) {
        const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
        found.push(`${relative(ROOT, file)}:${line + 1} ${node.expression.text}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** `beforeAll(start)`: the text of the function the hook names, when the file declares it. */
const startingFunctionText = (sf: ts.SourceFile, name: string): string => {
  let text = '';
  const visit = (node: ts.Node) => {
    if (ts.isFunctionDeclaration(node) && node.name?.text === name) text = node.getText(sf);
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name)
      text = node.initializer?.getText(sf) ?? '';
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return text;
};

describe('hooks that start apps or servers', () => {
  it('name an explicit timeout in every spec of the workspace', () => {
    const files = SCANNED.flatMap((dir) => specFiles(join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(50);
    const untimed = files.flatMap((file) => untimedStartingHooks(file, readFileSync(file, 'utf8')));
    expect(untimed).toEqual([]);
  });

  it('are found when they name none, also through a named function', () => {
    const source = `
      const start = async () => { app = await createApp({}); await app.listen(0); };
      beforeAll(start);
      beforeAll(async () => { client = await PlatformClient.start('x'); });
      beforeAll(async () => { client = await PlatformClient.start('x'); }, 120_000);
      afterAll(async () => { await app.close(); });`;
    expect(untimedStartingHooks(join(ROOT, 'x.spec.ts'), source)).toEqual([
      'x.spec.ts:3 beforeAll',
      'x.spec.ts:4 beforeAll',
    ]);
  });
});
