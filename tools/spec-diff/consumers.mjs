// @ts-check
// The consumer-compile rule: a small program per API, written as other teams use our clients
// (packages/specs/test/consumers/<api>.ts), compiled with the TypeScript compiler API against the
// types openapi-typescript generates from each spec. One that compiles against the base spec and
// not against the head is broken by the change: a major change, whatever the ratings said.
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { readApi, repoRoot } from '../apis.mjs';

/** @typedef {import('./diff.mjs').SpecChange} SpecChange */

/** The consumer program of an API, if it has one. */
export function consumerPath(/** @type {string} */ api) {
  return join(repoRoot, 'packages', 'specs', 'test', 'consumers', `${api}.ts`);
}

/** The repository's compiler options (tsconfig.base.json), without ambient @types. */
function compilerOptions() {
  const file = join(repoRoot, 'tsconfig.base.json');
  const { config } = ts.readConfigFile(file, ts.sys.readFile);
  const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, repoRoot, file);
  return { ...options, noEmit: true, types: [] };
}

/** The types openapi-typescript generates from a bundled spec, as tools/generate-types.mjs makes them. */
async function typesOf(/** @type {string} */ specPath) {
  return astToString(await openapiTS(pathToFileURL(specPath), { alphabetize: false }));
}

/**
 * Compiles the consumer with `typesText` in place of the client's generated types file.
 * @param {string} consumer
 * @param {string} typesFile the file the consumer imports the generated types from
 * @param {string} typesText
 * @param {ts.Program} [oldProgram] reused for the unchanged files (the lib files)
 */
function compile(consumer, typesFile, typesText, oldProgram) {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const readFile = host.readFile.bind(host);
  host.getSourceFile = (fileName, language, ...rest) =>
    resolve(fileName) === typesFile ? ts.createSourceFile(fileName, typesText, language) : getSourceFile(fileName, language, ...rest);
  host.readFile = (fileName) => (resolve(fileName) === typesFile ? typesText : readFile(fileName));
  const program = ts.createProgram({ rootNames: [consumer], options, host, ...(oldProgram ? { oldProgram } : {}) });
  const errors = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    if (!diagnostic.file || diagnostic.start === undefined) return text;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${relative(repoRoot, diagnostic.file.fileName)}:${line + 1}: ${text}`;
  });
  return { program, errors };
}

/** The first error, cut short (a type in a message can run to pages), and how many more there are. */
function firstLine(/** @type {string[]} */ errors) {
  const [first = ''] = errors;
  const shown = first.length > 240 ? `${first.slice(0, 240)}...` : first;
  return errors.length > 1 ? `${shown} (and ${errors.length - 1} more error(s))` : shown;
}

/**
 * @param {string} api
 * @param {string} basePath the bundled base spec
 * @param {string} headPath the bundled head spec
 * @returns {Promise<SpecChange[]>}
 */
export async function consumerBreaks(api, basePath, headPath) {
  const consumer = consumerPath(api);
  if (!existsSync(consumer)) return [];
  const typesFile = resolve(readApi(api).typesOutput);
  const before = compile(consumer, typesFile, await typesOf(basePath));
  // A consumer that does not compile against the base says nothing of the change.
  if (before.errors.length > 0) return [];
  const after = compile(consumer, typesFile, await typesOf(headPath), before.program);
  if (after.errors.length === 0) return [];
  return [
    {
      bump: 'major',
      part: 'other',
      pointer: relative(repoRoot, consumer),
      rule: 'consumer-compile',
      source: 'layerspec',
      message: `${relative(repoRoot, consumer)} compiles against the base spec's types and not against the head's: ${firstLine(after.errors)}`,
    },
  ];
}
