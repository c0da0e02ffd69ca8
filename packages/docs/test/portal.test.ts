// The portal's HTML and the code samples, without a browser.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ApiModel, models } from '@layerspec/specs/model';
import { describe, expect, it } from 'vitest';
import { buildCodeSamples, withCodeSamples } from '../src/code-samples.js';
import { buildComparison } from '../src/compare.js';
import { escapeHtml, html, raw, renderHtml } from '../src/html.js';
import { mapping, statusTables, statusWithoutField } from '@layerspec/layers';
import { mappedOperationIds, mappedOperations, neutralFields, renderLayersPage } from '../src/layers.js';
import { changesPage, renderChangesPage } from '../src/changes.js';
import { consoleOperations, consoleSide } from '../src/console.js';
import { PORTAL_CSS, renderBar, renderPortal } from '../src/portal.js';
import { buildSearchIndex } from '../src/search.js';
import { listFields } from '../src/fields.js';
import { bundlePath, operationAnchor, withExactBounds } from '../src/redoc.js';
import { providerFacts } from '../src/sides.js';

const providers = JSON.parse(readFileSync(new URL('../providers.json', import.meta.url), 'utf8'));
const templatesDir = new URL('../templates/code-samples', import.meta.url).pathname;

type Api = keyof typeof models;
const bundle = (api: string) => JSON.parse(readFileSync(bundlePath(api), 'utf8'));

function sideOf(api: string, model: ApiModel = models[api as Api]) {
  return { api, ...providerFacts(model, providers.apis[api]), model, fields: listFields(model) };
}

describe('html', () => {
  it('escapes every interpolated value and keeps only markup built with html or raw', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const inner = html`<b>${'<i>'}</b>`;
    expect(renderHtml(html`<p>${inner}${raw('<br>')}${['<', '>']}${undefined}</p>`)).toBe('<p><b>&lt;i&gt;</b><br>&lt;&gt;</p>');
  });

  it('renders spec text that looks like markup as text in the portal', () => {
    const hostile = structuredClone(models['aws-lambda']) as any;
    hostile.summary = '<script>alert(1)</script>';
    hostile.operations.GetLayerVersion.outputs.find((o: any) => o.name === 'Description').concept = '"><img src=x>';
    const a = sideOf('aws-lambda', hostile);
    const b = sideOf('tencent-scf');
    const page = renderPortal({ sides: [a, b], comparison: buildComparison(a, b), themeCss: '', mockCommand: providers.mockCommand });
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('"><img src=x>');
  });
});

describe('provider facts', () => {
  it('takes the display name, label and mock port from the model, so a change in the spec reaches the portal', () => {
    const model = structuredClone(models['aws-lambda']) as any;
    model.provider = { ...model.provider, name: 'Renamed Cloud Functions', label: 'Renamed' };
    model.mock = { defaultPort: 5999 };
    const a = sideOf('aws-lambda', model);
    const b = sideOf('tencent-scf');
    const page = renderPortal({ sides: [a, b], comparison: buildComparison(a, b), themeCss: '', mockCommand: providers.mockCommand });
    const ids = Object.keys(models['aws-lambda'].operations);
    expect(page).toContain(
      `<title>layerspec: ${ids.length > 1 ? `${ids.slice(0, -1).join(', ')} and ${ids.at(-1)}` : ids[0]} on Renamed Cloud Functions and Tencent Cloud SCF</title>`,
    );
    expect(page).toContain('http://127.0.0.1:5999');
    expect(page).toMatch(/in Renamed[,;. ]/);
    expect(page).toContain('<h2><a href="aws-lambda.html">Renamed Cloud Functions</a></h2>');
    // The spec's own prose may still say AWS Lambda; the names the portal gives do not.
    expect(page).not.toContain(`>${models['aws-lambda'].provider.name}</a>`);
  });
});

describe('code samples', () => {
  for (const api of Object.keys(providers.apis)) {
    it(`${api}: curl against the mock, the layerspec client and the official SDK for every operation, filled from the model's examples`, () => {
      const model = models[api as Api];
      const fields = listFields(model);
      const { provider } = providerFacts(model, providers.apis[api]);
      const all: Record<string, ReturnType<typeof buildCodeSamples>> = {};
      for (const operation of Object.values(model.operations)) {
        const samples = buildCodeSamples({ api, operation, fields, provider, mockCommand: providers.mockCommand, templatesDir });
        all[operation.id] = samples;
        expect(samples.map((s) => s.label)).toEqual(['curl (local mock)', provider.clientPackage, `${provider.sdkPackage} (official SDK)`]);
        for (const sample of samples) {
          expect(sample.source).not.toMatch(/\{\{/);
          expect(sample.source).toContain(`127.0.0.1:${provider.mockPort}`);
        }
        expect(samples[1]!.source).toContain(`from '${provider.clientPackage}'`);
        expect(samples[1]!.source).toContain(`.${operation.id[0]!.toLowerCase()}${operation.id.slice(1)}(`);
        expect(samples[2]!.source).toContain(`from '${provider.sdkPackage}'`);
        expect(samples[2]!.source).toContain(operation.action?.name ?? operation.id);
        // The wire route: the path (an RPC action's shared one), and the action header where there is one.
        const path = operation.path.replace(/\{[^}]+\}/g, '');
        expect(samples[0]!.source).toContain(path.split('/').filter(Boolean)[0] ?? '/');
        if (operation.action) expect(samples[0]!.source).toContain(`${operation.action.header}: ${operation.action.name}`);
        // Every required path or body input appears with its example.
        const placed = operation.inputs.filter((i) => i.required && (i.in === 'path' || i.in === 'body'));
        expect(placed.length).toBeGreaterThan(0);
        for (const input of placed) {
          const field = fields.find((f) => f.operation === operation.id && f.name === input.name)!;
          expect(field.example, field.name).toBeDefined();
          expect(samples[0]!.source).toContain(String(field.example));
          expect(samples[1]!.source).toContain(`${input.name}: ${JSON.stringify(field.example)}`);
        }
      }
      const doc = bundle(api);
      const augmented = withCodeSamples(doc, model, all);
      for (const operation of Object.values(model.operations)) {
        const operationOf = (d: any) => d.paths[operation.specPath][operation.method.toLowerCase()];
        expect(operationOf(augmented)['x-codeSamples']).toEqual(all[operation.id]);
        expect(operationOf(doc)['x-codeSamples']).toBeUndefined();
        // Redoc prints the spec's key; an RPC action's description says its wire route first.
        if (operation.action) {
          expect(operationOf(augmented).description).toMatch(
            new RegExp(`^\\*\\*On the wire:\\*\\* \`${operation.method} ${operation.path}\` with the header \`${operation.action.header}: ${operation.action.name}\``),
          );
        } else expect(operationOf(augmented).description).toBe(operationOf(doc).description);
      }
    });
  }

  it('refuses a template placeholder that is neither a known value nor a request field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerspec-docs-templates-'));
    try {
      mkdirSync(join(dir, 'aws-lambda'));
      for (const file of ['curl.sh', 'layerspec.ts', 'sdk.ts']) writeFileSync(join(dir, 'aws-lambda', file), '{{NoSuchField}}');
      const model = models['aws-lambda'];
      const operation = Object.values(model.operations)[0]!;
      expect(() =>
        buildCodeSamples({ api: 'aws-lambda', operation, fields: listFields(model), provider: providers.apis['aws-lambda'], mockCommand: 'x', templatesDir: dir }),
      ).toThrow(/placeholder \{\{NoSuchField\}\}/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('portal operations', () => {
  const sides = ['aws-lambda', 'tencent-scf'].map((api) => sideOf(api));
  const page = renderPortal({ sides, comparison: buildComparison(sides[0]!, sides[1]!), themeCss: '', mockCommand: providers.mockCommand });

  it('lists every operation of each API on its card with its wire route and a link to it in the reference', () => {
    for (const side of sides) {
      const card = page.slice(page.indexOf(`<article class="card" data-api="${side.api}">`));
      for (const operation of Object.values(side.model.operations)) {
        const item = card.slice(card.indexOf(`<li data-operation="${operation.id}">`), card.indexOf('</li>', card.indexOf(`<li data-operation="${operation.id}">`)));
        expect(item, `${side.api} ${operation.id}`).toContain(`<a href="${side.api}.html${operationAnchor(operation)}">${operation.id}</a>`);
        expect(item).toContain(`<code>${operation.method} ${operation.path}</code>`);
        if (operation.action) expect(item).toContain(`<code>${operation.action.header}: ${operation.action.name}</code>`);
        // An RPC action's pseudo-path is the spec's key, never the route a reader is shown.
        if (operation.specPath !== operation.path) expect(item).not.toContain(operation.specPath);
      }
    }
  });

  it('has a comparison section per operation, each with its own tables and ids', () => {
    const ids = [...new Set(sides.flatMap((side) => Object.keys(side.model.operations)))];
    for (const id of ids) {
      expect(page).toContain(`<section class="operation" id="operation--${id}" data-operation="${id}">`);
      for (const table of ['request-fields', 'response-fields', 'error-codes']) expect(page).toContain(`<table data-table="${table}" data-operation="${id}">`);
    }
    const anchors = [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(anchors).size, 'every id is unique').toBe(anchors.length);
  });

  it('shows an operation only one API has on its side, the other saying it has none', () => {
    const model = structuredClone(models['aws-lambda']) as any;
    const extra = { ...structuredClone(model.operations.GetLayerVersion), id: 'OnlyOnAws', path: '/only', specPath: '/only' };
    model.operations = { ...model.operations, OnlyOnAws: extra };
    const a = sideOf('aws-lambda', model);
    const b = sideOf('tencent-scf');
    const comparison = buildComparison(a, b);
    const own = renderPortal({ sides: [a, b], comparison, themeCss: '', mockCommand: providers.mockCommand });
    const section = own.slice(own.indexOf('id="operation--OnlyOnAws"'));
    expect(section).toContain('<li data-api="tencent-scf">Tencent Cloud SCF: <span class="none">no such operation</span></li>');
    expect(section).toContain('<code>GET /only</code>');
    const rows = section.slice(0, section.indexOf('</section>', section.indexOf('data-table="error-codes"')));
    expect(rows).toContain('No counterpart in Tencent.');
    expect(rows).not.toContain('data-api="tencent-scf" data-label="Tencent Cloud SCF"><div');
  });
});

describe('an operation the docs have never seen', () => {
  // A plain REST operation added to a copy of the AWS model, and an RPC action to the Tencent one:
  // the card, the comparison, the search, the console and the code samples follow with no edit.
  const input = (name: string, extra: object = {}) => ({
    name,
    in: 'path',
    required: true,
    type: 'string',
    concept: 'thing-name',
    examples: { example: 'my-thing' },
    ...extra,
  });
  const aws = structuredClone(models['aws-lambda']) as any;
  aws.operations.DescribeThing = {
    id: 'DescribeThing',
    method: 'GET',
    path: '/things/{ThingName}',
    specPath: '/things/{ThingName}',
    summary: 'Describe a thing',
    tags: ['Things'],
    inputs: [input('ThingName')],
    result: [],
    outputs: [{ name: 'Colour', in: 'body', path: ['Colour'], required: true, type: 'string', concept: 'colour' }],
    errorCodes: [aws.errors.entries[0].code],
    scenarios: [{ name: 'a-thing', status: 200, outcome: 'success', value: { Colour: 'red' } }],
  };
  const tencent = structuredClone(models['tencent-scf']) as any;
  const action = {
    name: 'X-TC-Action',
    in: 'header',
    required: true,
    type: 'string',
    constant: 'DescribeThing',
    concept: 'action',
    examples: { example: 'DescribeThing' },
  };
  tencent.operations.DescribeThing = {
    ...aws.operations.DescribeThing,
    method: 'POST',
    path: '/',
    specPath: '/#DescribeThing',
    action: { header: 'X-TC-Action', name: 'DescribeThing' },
    // The API's common headers, as every action of the spec has them.
    inputs: [action, ...tencent.operations.GetLayerVersion.inputs.filter((i: any) => i.in === 'header' && i.name !== 'X-TC-Action'), input('Name', { in: 'body' })],
    result: ['Response'],
    outputs: [{ name: 'Color', in: 'body', path: ['Color'], required: true, type: 'string', concept: 'colour' }],
    errorCodes: [tencent.errors.entries[0].code],
    scenarios: [{ name: 'a-thing', status: 200, outcome: 'success', value: { Response: { Color: 'red' } } }],
  };
  const sides = [sideOf('aws-lambda', aws), sideOf('tencent-scf', tencent)];
  const comparison = buildComparison(sides[0]!, sides[1]!);

  it('gets a card entry with its wire route, and a comparison section pairing its fields by concept', () => {
    const page = renderPortal({ sides, comparison, themeCss: '', mockCommand: providers.mockCommand });
    expect(page).toContain('<a href="aws-lambda.html#/things/describething">DescribeThing</a> <code>GET /things/{ThingName}</code>');
    expect(page).toContain('<a href="tencent-scf.html#/things/describething">DescribeThing</a> <code>POST /</code> with <code>X-TC-Action: DescribeThing</code>');
    const pair = comparison.operations.find((entry) => entry.id === 'DescribeThing')!;
    expect(pair.request.find((row) => row.concept === 'thing-name')!.differences).toContain('Named `ThingName` by AWS, `Name` by Tencent.');
    expect(pair.response.find((row) => row.concept === 'colour')!.right.map((field) => field.name)).toEqual(['Response.Color']);
    expect(page).toContain('id="aws-lambda--DescribeThing--response--Colour"');
  });

  it('is in the search, with its fields under it', () => {
    const entries = buildSearchIndex({ sides, comparison });
    expect(entries).toContainEqual(expect.objectContaining({ kind: 'operation', title: 'DescribeThing', href: 'tencent-scf.html#/things/describething' }));
    expect(entries).toContainEqual(
      expect.objectContaining({ kind: 'request field of DescribeThing', title: 'ThingName', href: 'index.html#aws-lambda--DescribeThing--request--ThingName' }),
    );
  });

  it('is a choice of the console, whose form pairs its inputs by concept and leaves the action to the client', () => {
    const operations = consoleOperations(sides.map((side) => consoleSide(side, {})));
    const describe = operations.find((operation) => operation.id === 'DescribeThing')!;
    expect(describe.boxes.map((box) => [box.label, box.sides])).toEqual([
      ['ThingName / Name', { 'aws-lambda': { name: 'ThingName', type: 'string' }, 'tencent-scf': { name: 'Name', type: 'string' } }],
    ]);
    expect(consoleSide(sides[1]!, {}).operations.DescribeThing!.method).toBe('describeThing');
  });

  it('gets code samples calling it by its name, at its wire route', () => {
    for (const side of sides) {
      const operation = side.model.operations.DescribeThing!;
      const samples = buildCodeSamples({ api: side.api, operation, fields: side.fields, provider: side.provider, mockCommand: 'x', templatesDir });
      expect(samples[1]!.source).toContain('.describeThing({ ');
      expect(samples[2]!.source).toMatch(/DescribeThingCommand|client\.DescribeThing\(/);
      expect(samples[0]!.source).toContain(operation.action ? 'X-TC-Action: DescribeThing' : '/things/my-thing');
    }
  });
});

describe('portal wording', () => {
  const sides = ['aws-lambda', 'tencent-scf'].map((api) => sideOf(api));
  const page = renderPortal({ sides, comparison: buildComparison(sides[0]!, sides[1]!), themeCss: '', mockCommand: providers.mockCommand });
  const text = page.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

  it('never repeats a type ("object or object")', () => {
    expect(text).not.toMatch(/\b(\w+) or \1\b/);
  });

  it("prints int64 bounds with the model's exact digits", () => {
    const max = models['aws-lambda'].operations.GetLayerVersion!.inputs.find((input) => input.name === 'VersionNumber')!.maximum!;
    expect(max).toBe(String(2n ** 63n - 1n));
    expect(text).toContain(`1 to ${max}`);
    expect(text).not.toContain(String(Number(max)));
  });

  it('says "at least" or "at most" for a one-sided bound, never ∞', () => {
    expect(text).not.toContain('∞');
    expect(text).toContain('at least 1 character');
  });

  it('shows no empty example', () => {
    expect(page).not.toMatch(/e\.g\. <code>\s*<\/code>/);
  });

  it('labels every comparison cell, so a narrow screen can stack them', () => {
    const cells = page.match(/<td\b[^>]*>/g) ?? [];
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(cell).toMatch(/data-label="[^"]+"/);
  });
});

describe('the Redoc copy of a bundle', () => {
  it("writes the bounds JSON rounds (2^63) as the model's exact digits, and leaves the bundle alone", () => {
    const doc = bundle('aws-lambda');
    const before = JSON.stringify(doc);
    const copy = withExactBounds(doc, models['aws-lambda']);
    expect(copy.components.schemas.LayerVersionNumber.maximum).toBe(String(2n ** 63n - 1n));
    expect(copy.components.schemas.LayerVersionNumber.minimum).toBe(doc.components.schemas.LayerVersionNumber.minimum);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('writes a bound the bundle rounds as the exact digits the model states, not a guess', () => {
    const model = structuredClone(models['aws-lambda']) as any;
    for (const operation of Object.values(model.operations) as any[])
      for (const rule of [...operation.inputs, ...operation.outputs]) if (rule.maximum === String(2n ** 63n - 1n)) rule.maximum = '9223372036854775806';
    const doc = { components: { schemas: { V: { type: 'integer', format: 'int64', maximum: Number('9223372036854775806') } } } }; // as JSON.parse reads it: rounded
    expect(withExactBounds(doc, model).components.schemas.V.maximum).toBe('9223372036854775806');
  });

  it('stops on a rounded bound the model does not state, and on two exact bounds that round alike', () => {
    const model = structuredClone(models['aws-lambda']) as any;
    expect(() => withExactBounds({ a: { type: 'integer', minimum: -(2 ** 63) } }, model)).toThrow(/minimum of .* the model does not state exactly/);
    model.operations.GetLayerVersion.outputs.find((output: any) => output.name === 'Version').maximum = '9223372036854775806';
    expect(() => withExactBounds({}, model)).toThrow(/9223372036854775807 and 9223372036854775806|9223372036854775806 and 9223372036854775807/);
  });

  it("links to Redoc's anchor of each operation, and refuses an operation without a tag", () => {
    for (const model of Object.values(models)) {
      for (const operation of Object.values(model.operations)) {
        expect(operationAnchor(operation)).toBe(`#/${operation.tags![0]!.toLowerCase()}/${operation.id.toLowerCase()}`);
        const untagged = structuredClone(operation) as any;
        delete untagged.tags;
        expect(() => operationAnchor(untagged)).toThrow(/no tag/);
      }
    }
  });
});

describe('the layer model page', () => {
  const sides = ['aws-lambda', 'tencent-scf'].map((api) => sideOf(api));
  const render = (from: typeof mapping) =>
    renderLayersPage({ mapping: from, statusTables, statusWithoutField, sides, bar: renderBar(sides, 'layers.html'), themeCss: '', css: PORTAL_CSS });
  const sectionOf = (page: string, operation: string) =>
    page.match(new RegExp(`<section class="comparison" id="layer-version--${operation}"[\\s\\S]*?</section>`))?.[0] ?? '';
  const rowOf = (section: string, field: string) => section.match(new RegExp(`<tr data-field="${field.replace('.', '\\.')}">([\\s\\S]*?)</tr>`))?.[1];
  const cellOf = (row: string, api: string) => row.match(new RegExp(`<td data-api="${api}"[^>]*>([\\s\\S]*?)</td>`))?.[1];
  const ids = mappedOperationIds(mapping);
  const fieldsOf = (from: typeof mapping, api: string, operation: string) => mappedOperations(from[api as keyof typeof mapping])[operation]?.fields ?? [];
  // The operation that reads one version: the one each provider's getLayerVersion uses.
  const get = mapping['aws-lambda'].getLayerVersion;

  it("has a section per mapped operation, listing every neutral field of it with each provider's source path or that its answer has none", () => {
    const page = render(mapping);
    expect(ids.length).toBeGreaterThan(1);
    expect(neutralFields(mapping)).toEqual(expect.arrayContaining(['status', 'archive.size', 'archive.sha256', 'createdAt']));
    for (const operation of ids) {
      const section = sectionOf(page, operation);
      expect(section, operation).not.toBe('');
      for (const field of neutralFields(mapping, operation)) {
        const row = rowOf(section, field);
        expect(row, `${operation} ${field}`).toBeDefined();
        for (const side of sides) {
          const entry = fieldsOf(mapping, side.api, operation).find((e) => e.field === field);
          const cell = cellOf(row!, side.api);
          expect(cell, `${operation} ${field} ${side.api}`).toBeDefined();
          if (entry) expect(cell).toContain(`<code class="field-name source">${entry.from.join('.')}</code>`);
          else expect(cell).toContain('not in the answer');
        }
      }
      // A list's section says where each provider keeps the items.
      for (const side of sides) {
        const items = mappedOperations(mapping[side.api as keyof typeof mapping])[operation]?.items;
        if (items) expect(section).toContain(`${side.name} lists them in <code>${items.join('.')}</code>`);
      }
    }
  });

  it("shows each provider's digest encoding and date shape, and what a provider cannot say", () => {
    const section = sectionOf(render(mapping), get);
    for (const side of sides) {
      const own = fieldsOf(mapping, side.api, get);
      const sha = own.find((e) => e.field === 'archive.sha256')!;
      const date = own.find((e) => e.field === 'createdAt')!;
      expect(cellOf(rowOf(section, 'archive.sha256')!, side.api)).toContain(`as ${'encoding' in sha ? sha.encoding.as : '?'}`);
      expect(cellOf(rowOf(section, 'createdAt')!, side.api)).toContain('date' in date ? `written ${date.date.shape}, read as UTC${date.date.utcOffset}` : '?');
    }
    // A provider whose answer has no status field always reads as the one status the package gives it.
    const withoutStatus = sides.filter((side) => !fieldsOf(mapping, side.api, get).some((e) => e.field === 'status'));
    expect(withoutStatus.length).toBeGreaterThan(0);
    for (const side of withoutStatus) expect(cellOf(rowOf(section, 'status')!, side.api)).toContain(`always <code>${statusWithoutField}</code>`);
    expect(render(mapping)).toContain('<a href="layers.html" aria-current="page">');
  });

  it('follows the mapping: a field a provider gains gets its source, a field nobody maps has no row', () => {
    const changed = structuredClone(mapping) as any;
    changed['tencent-scf'].operations[get].fields.push({ field: 'archive.size', concept: 'archive-size', from: ['CodeSize'], required: false, type: 'integer' });
    changed['aws-lambda'].operations[get].fields = changed['aws-lambda'].operations[get].fields.filter((e: any) => e.field !== 'architectures');
    const section = sectionOf(render(changed), get);
    expect(cellOf(rowOf(section, 'archive.size')!, 'tencent-scf')).toContain('CodeSize');
    expect(rowOf(section, 'architectures')).toBeUndefined();
  });

  it('lists every status value the spec gives, with the neutral status it reads as, and says when one has none', () => {
    const own = fieldsOf(mapping, 'tencent-scf', get).find((e) => e.field === 'status')!;
    const values = 'enum' in own ? own.enum : [];
    expect(values.length).toBeGreaterThan(0);
    const table: Record<string, string> = statusTables['tencent-scf'];
    const cell = cellOf(rowOf(sectionOf(render(mapping), get), 'status')!, 'tencent-scf')!;
    for (const value of values) expect(cell).toContain(`<code>${value}</code> → <code>${table[value]}</code>`);
    const changed = structuredClone(mapping) as any;
    changed['tencent-scf'].operations[get].fields.find((e: any) => e.field === 'status').enum.push('Archived');
    expect(cellOf(rowOf(sectionOf(render(changed), get), 'status')!, 'tencent-scf')).toContain('<code>Archived</code> → <span class="none">no neutral status</span>');
  });

  it('is linked from the portal', () => {
    const page = renderPortal({ sides, comparison: buildComparison(sides[0]!, sides[1]!), themeCss: '', mockCommand: providers.mockCommand });
    expect(page).toContain('<a href="layers.html">');
  });
});

describe('the "What changed" page of each API', () => {
  const require = createRequire(import.meta.url);
  const sides = ['aws-lambda', 'tencent-scf'].map((api) => sideOf(api));
  const shipped = (api: string) => JSON.parse(readFileSync(require.resolve(`@layerspec/specs/releases/${api}.json`), 'utf8'));
  const render = (side: (typeof sides)[number], index: any) =>
    renderChangesPage({
      api: side.api,
      name: side.name,
      apiVersion: side.model.version,
      index,
      source: `@layerspec/specs/releases/${side.api}.json`,
      bar: renderBar(sides, changesPage(side.api)),
      themeCss: '',
      css: PORTAL_CSS,
    });
  const change = (bump: string, message: string, extra: object = {}) => ({
    bump,
    part: 'response',
    field: 'Status',
    pointer: '/x',
    message,
    rule: 'r',
    source: 'layerspec',
    ...extra,
  });

  for (const side of sides) {
    it(`${side.api}: lists every released revision of the shipped index, with its date and changes in words`, () => {
      const index = shipped(side.api);
      expect(index.releases.length).toBeGreaterThan(0);
      const page = render(side, index);
      expect(page).toContain(`<title>layerspec: what changed in the ${side.name} description</title>`);
      expect(page).toContain(`<a href="${changesPage(side.api)}" aria-current="page">`);
      expect(page).toContain(`<code>${side.model.version}</code>`);
      for (const release of index.releases) {
        expect(page).toContain(`<h2>${release.revision} <span class="date">${release.date}</span></h2>`);
        for (const c of release.changes) expect(page).toContain(c.message);
      }
      expect(index.releases[0]).toMatchObject({ revision: '1.0.0', changes: [{ rule: 'first-release' }] });
    });
  }

  it('shows the newest revision first, breaking changes first within it, and the exhaustive-switch note', () => {
    const index = {
      api: 'aws-lambda',
      releases: [
        { revision: '1.0.0', date: '2026-12-01', file: '1.0.0.json', changes: [change('major', 'First.', { part: 'other', field: undefined })] },
        {
          revision: '2.0.0',
          date: '2026-12-02',
          file: '2.0.0.json',
          changes: [
            change('patch', 'A description changed.'),
            change('minor', 'Status may be `Deleting`.', { exhaustive: true }),
            change('major', '<b>LayerName</b> is shorter.', { part: 'request', field: 'LayerName' }),
          ],
        },
      ],
    };
    const page = render(sides[0]!, index);
    const order = [
      '<h2>2.0.0',
      '<h3 data-bump="major">Breaking changes',
      '&lt;b&gt;LayerName&lt;/b&gt; is shorter. <span class="place">(request: LayerName)</span>',
      '<h3 data-bump="minor">Additions',
      '<h3 data-bump="patch">Fixes and documentation',
      '<h2>1.0.0',
    ];
    const at = order.map((text) => page.indexOf(text));
    expect(
      at.every((i) => i >= 0),
      JSON.stringify(at),
    ).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    expect(page).toContain(
      'Status may be <code>Deleting</code>. <span class="place">(response: Status)</span> <strong class="exhaustive">can break an exhaustive switch</strong>',
    );
    expect(page).not.toContain('<b>LayerName</b>');
  });

  it('refuses an index of another API, and says when nothing is released yet', () => {
    expect(() => render(sides[0]!, { api: 'tencent-scf', releases: [] })).toThrow('says api "tencent-scf"');
    expect(render(sides[0]!, { api: 'aws-lambda', releases: [] })).toContain('No revision has been released yet.');
  });

  it("is linked from the portal's nav and from each card, with the latest revision", () => {
    const releases = Object.fromEntries(sides.map((side) => [side.api, shipped(side.api)]));
    const page = renderPortal({ sides, comparison: buildComparison(sides[0]!, sides[1]!), themeCss: '', mockCommand: providers.mockCommand, releases });
    for (const side of sides) {
      const latest = releases[side.api].releases.at(-1);
      expect(page).toContain(`<a href="${changesPage(side.api)}">${side.name} changes</a>`);
      expect(page).toContain(`<dt>Revision</dt><dd><code>${latest.revision}</code> of ${latest.date} · <a href="${changesPage(side.api)}">What changed</a></dd>`);
    }
  });
});
