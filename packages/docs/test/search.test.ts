// The search index: in the built portal, an entry for every field, error and example of every
// operation of both models, each linking to an element that exists (an id of the portal) or to
// its operation's anchor on its Redoc page; and the matcher the page runs finds each operation's
// entries, the second operation's as well as the first's.
import { models, type ApiModel } from '@layerspec/specs/model';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildComparison } from '../src/compare.js';
import { listFields } from '../src/fields.js';
import { operationAnchor } from '../src/redoc.js';
import { buildSearchIndex, matchEntries } from '../src/search.js';

const portalFile = fileURLToPath(new URL('../dist/index.html', import.meta.url));
type Entry = { kind: string; title: string; api: string; text: string; href: string };
const all = Object.values(models) as ApiModel[];

function builtIndex(): { portal: string; entries: Entry[] } {
  if (!existsSync(portalFile)) throw new Error(`${portalFile} is not built; run \`npm run docs\``);
  const portal = readFileSync(portalFile, 'utf8');
  const json = /<script type="application\/json" id="search-index">([\s\S]*?)<\/script>/.exec(portal)?.[1];
  if (!json) throw new Error('the portal has no search index');
  return { portal, entries: JSON.parse(json) };
}

describe('search index', () => {
  it('has every operation, and every field, error and example of each operation of both APIs, under its operation', () => {
    const { entries } = builtIndex();
    for (const model of all) {
      const fields = listFields(model);
      for (const operation of Object.values(model.operations)) {
        const own = entries.filter(
          (entry) => entry.api === model.provider.name && (entry.kind === 'operation' ? entry.title === operation.id : entry.kind.includes(` of ${operation.id}`)),
        );
        const titles = new Set(own.map((entry) => entry.title));
        const names = [
          operation.id,
          ...fields.filter((field) => field.operation === operation.id).map((field) => field.name),
          ...operation.errorCodes,
          ...operation.scenarios.map((s) => s.name),
        ];
        expect(
          names.filter((name) => !titles.has(name)),
          `${model.api} ${operation.id}`,
        ).toEqual([]);
      }
    }
    expect(entries.some((entry) => entry.kind.startsWith('comparison of '))).toBe(true);
  });

  it('links each entry to an id of the portal or to its operation on the Redoc page', () => {
    const { portal, entries } = builtIndex();
    const anchors = new Set(all.flatMap((model) => Object.values(model.operations).map((operation) => `${model.api}.html${operationAnchor(operation)}`)));
    const dangling = entries.filter((entry) => {
      if (anchors.has(entry.href)) return false;
      const id = entry.href.startsWith('index.html#') ? entry.href.slice('index.html#'.length) : undefined;
      return !id || !portal.includes(`id="${id}"`);
    });
    expect(dangling).toEqual([]);
  });
});

describe('matching', () => {
  const sides = all.map((model) => ({ api: model.api, name: model.provider.name, label: model.provider.label, model, fields: listFields(model) }));
  const entries = buildSearchIndex({ sides, comparison: buildComparison(sides[0]!, sides[1]!) });

  it("finds every operation of each API by its id, first, linking to the operation's reference", () => {
    for (const side of sides) {
      for (const operation of Object.values(side.model.operations)) {
        const found = matchEntries(entries, `${operation.id} ${side.name}`);
        expect(found[0], `${side.api} ${operation.id}`).toMatchObject({ kind: 'operation', title: operation.id, href: `${side.api}.html${operationAnchor(operation)}` });
      }
    }
  });

  it("finds each operation's fields under that operation: a field's name and the operation's id lead to its cell before any other field", () => {
    for (const side of sides) {
      for (const operation of Object.values(side.model.operations)) {
        for (const field of side.fields.filter((f) => f.operation === operation.id && f.side === 'response')) {
          const found = matchEntries(entries, `${field.name} ${operation.id} ${side.name}`).filter((entry) => entry.kind.includes(' field of '));
          expect(found[0], `${side.api} ${operation.id} ${field.name}`).toMatchObject({
            title: field.name,
            href: `index.html#${side.api}--${operation.id}--response--${field.name}`,
          });
        }
      }
    }
  });

  it('finds nothing for words no entry holds, and everything of an operation for its id', () => {
    expect(matchEntries(entries, 'no-such-word-anywhere')).toEqual([]);
    expect(matchEntries(entries, '   ')).toEqual([]);
    const last = sides[0]!.model.operations[Object.keys(sides[0]!.model.operations).at(-1)!]!;
    const found = matchEntries(entries, last.id);
    expect(found.filter((entry) => entry.kind.includes(` of ${last.id}`)).length).toBeGreaterThan(last.outputs.length);
  });
});
