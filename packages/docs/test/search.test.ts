// The search index in the built portal: an entry for every field, error and example of both
// models, each linking to an element that exists (an id of the portal) or to the operation's
// anchor on its Redoc page.
import { models, type ApiModel } from '@layerspec/specs/model';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listFields } from '../src/fields.js';
import { operationAnchor } from '../src/redoc.js';

const portalFile = fileURLToPath(new URL('../dist/index.html', import.meta.url));
type Entry = { kind: string; title: string; api: string; text: string; href: string };

function builtIndex(): { portal: string; entries: Entry[] } {
  if (!existsSync(portalFile)) throw new Error(`${portalFile} is not built; run \`npm run docs\``);
  const portal = readFileSync(portalFile, 'utf8');
  const json = /<script type="application\/json" id="search-index">([\s\S]*?)<\/script>/.exec(portal)?.[1];
  if (!json) throw new Error('the portal has no search index');
  return { portal, entries: JSON.parse(json) };
}

describe('search index', () => {
  it('has every field, error and example of both APIs', () => {
    const { entries } = builtIndex();
    const titles = new Set(entries.map((entry) => entry.title));
    for (const model of Object.values(models) as ApiModel[]) {
      const names = [...listFields(model).map((field) => field.name), ...model.errors.entries.map((error) => error.code), ...model.scenarios.map((s) => s.name)];
      expect(
        names.filter((name) => !titles.has(name)),
        model.api,
      ).toEqual([]);
    }
    expect(entries.some((entry) => entry.kind === 'comparison')).toBe(true);
  });

  it('links each entry to an id of the portal or to the operation on the Redoc page', () => {
    const { portal, entries } = builtIndex();
    const anchors = new Set((Object.values(models) as ApiModel[]).map((model) => `${model.api}.html${operationAnchor(model)}`));
    const dangling = entries.filter((entry) => {
      if (anchors.has(entry.href)) return false;
      const id = entry.href.startsWith('index.html#') ? entry.href.slice('index.html#'.length) : undefined;
      return !id || !portal.includes(`id="${id}"`);
    });
    expect(dangling).toEqual([]);
  });
});
