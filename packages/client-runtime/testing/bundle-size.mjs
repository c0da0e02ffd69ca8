// Bundles a tiny program (create a client, make one call) against a client's dist/ with esbuild,
// minified, and measures it gzipped: what a browser or edge bundle pays, signing included.
import { gzipSync } from 'node:zlib';
import { relative, resolve } from 'node:path';
import { build } from 'esbuild';

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

/**
 * @param {{ packageDir: string, program: string }} target the program imports the package's dist/index.js
 * @returns {Promise<{ minified: number, gzipped: number, lazyGzipped: number }>} sizes in bytes
 */
export async function measureBundle({ packageDir, program }) {
  // Bundled as a browser app would be, with code splitting: what loads at once is the entry and
  // every chunk it imports statically; chunks behind import() (the response validator, the
  // verified download) load only when a caller uses them, so they are counted apart.
  const result = await build({
    stdin: { contents: program, resolveDir: packageDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    splitting: true,
    metafile: true,
    outdir: resolve(packageDir, '.size'),
  });
  const outputs = result.metafile.outputs;
  const eager = new Set();
  const visit = (path) => {
    if (eager.has(path)) return;
    eager.add(path);
    for (const imported of outputs[path].imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(Object.keys(outputs).find((path) => outputs[path].entryPoint !== undefined));
  const byPath = new Map(result.outputFiles.map((file) => [relative(process.cwd(), file.path), file.contents]));
  const join = (paths) => Buffer.concat(paths.map((path) => byPath.get(path)));
  const eagerBytes = join([...eager]);
  const lazyBytes = join(Object.keys(outputs).filter((path) => !eager.has(path) && path.endsWith('.js')));
  return { minified: eagerBytes.length, gzipped: gzip(eagerBytes), lazyGzipped: lazyBytes.length ? gzip(lazyBytes) : 0 };
}

/** Prints the figures the way `npm run size` shows them. */
export function printBundleSize(name, what, { minified, gzipped, lazyGzipped }) {
  console.log(`${name}: ${gzipped} bytes minified+gzipped (${minified} bytes minified), ${what}`);
  console.log(`  + ${lazyGzipped} bytes gzipped loaded only on use (response validator, verified download)`);
}
