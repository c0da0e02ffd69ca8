// The portal's HTML and the code samples, without a browser.
import { readFileSync } from 'node:fs';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { models } from '@layerspec/specs/model';
import { describe, expect, it } from 'vitest';
import { buildCodeSamples, withCodeSamples } from '../src/code-samples.js';
import { buildComparison } from '../src/compare.js';
import { escapeHtml, html, raw, toString } from '../src/html.js';
import { renderPortal } from '../src/portal.js';
import { operationAnchor, withExactInt64Bounds } from '../src/redoc.js';
import { providerFacts } from '../src/sides.js';
import { getOperation, listErrors, listFields, loadBundle } from '../src/spec.js';

const providers = JSON.parse(readFileSync(new URL('../providers.json', import.meta.url), 'utf8'));
const templatesDir = new URL('../templates/code-samples', import.meta.url).pathname;

function sideOf(api: string, doc: any, model = models[api as keyof typeof models]) {
  return { api, ...providerFacts(model, providers.apis[api]), doc, fields: listFields(doc), errors: listErrors(doc) };
}

describe('html', () => {
  it('escapes every interpolated value and keeps only markup built with html or raw', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const inner = html`<b>${'<i>'}</b>`;
    expect(toString(html`<p>${inner}${raw('<br>')}${['<', '>']}${undefined}</p>`)).toBe('<p><b>&lt;i&gt;</b><br>&lt;&gt;</p>');
  });

  it('renders spec text that looks like markup as text in the portal', () => {
    const aws = loadBundle('aws-lambda').doc;
    const hostile = structuredClone(aws);
    hostile.info.summary = '<script>alert(1)</script>';
    hostile.components.schemas.GetLayerVersionResponse.properties.Description['x-layerspec-concept'] = '"><img src=x>';
    const a = sideOf('aws-lambda', hostile);
    const b = sideOf('tencent-scf', loadBundle('tencent-scf').doc);
    const page = renderPortal({ sides: [a, b], comparison: buildComparison(a, b), themeCss: '', mockCommand: providers.mockCommand });
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('"><img src=x>');
  });
});

describe('provider facts', () => {
  it("takes the display name, label and mock port from the model, so a change in the spec reaches the portal", () => {
    const model = structuredClone(models['aws-lambda']) as any;
    model.provider = { ...model.provider, name: 'Renamed Cloud Functions', label: 'Renamed' };
    model.mock = { defaultPort: 5999 };
    const a = sideOf('aws-lambda', loadBundle('aws-lambda').doc, model);
    const b = sideOf('tencent-scf', loadBundle('tencent-scf').doc);
    const page = renderPortal({ sides: [a, b], comparison: buildComparison(a, b), themeCss: '', mockCommand: providers.mockCommand });
    expect(page).toContain('<title>layerspec: GetLayerVersion on Renamed Cloud Functions and Tencent Cloud SCF</title>');
    expect(page).toContain('http://127.0.0.1:5999');
    expect(page).toMatch(/in Renamed[,;. ]/);
    expect(page).toContain('<h2><a href="aws-lambda.html">Renamed Cloud Functions</a></h2>');
    // The spec's own prose may still say AWS Lambda; the names the portal gives do not.
    expect(page).not.toContain(`>${models['aws-lambda'].provider.name}</a>`);
  });
});

describe('code samples', () => {
  for (const api of Object.keys(providers.apis)) {
    it(`${api}: curl against the mock, the layerspec client and the official SDK, filled from the spec's examples`, () => {
      const { doc } = loadBundle(api);
      const fields = listFields(doc);
      const { provider } = providerFacts(models[api as keyof typeof models], providers.apis[api]);
      const samples = buildCodeSamples({ api, doc, fields, provider, mockCommand: providers.mockCommand, templatesDir });
      expect(samples.map((s) => s.label)).toEqual(['curl (local mock)', provider.clientPackage, `${provider.sdkPackage} (official SDK)`]);
      for (const sample of samples) {
        expect(sample.source).not.toMatch(/\{\{/);
        expect(sample.source).toContain(`127.0.0.1:${provider.mockPort}`);
      }
      expect(samples[1]!.source).toContain(`from '${provider.clientPackage}'`);
      expect(samples[2]!.source).toContain(`from '${provider.sdkPackage}'`);
      // Every request field that has an example and lives in the path or the body appears with it.
      for (const field of fields.filter((f) => f.side === 'request' && (f.in === 'path' || f.in === 'body'))) {
        expect(samples[0]!.source).toContain(String(field.example));
      }
      const augmented = withCodeSamples(doc, samples);
      expect(getOperation(augmented).operation['x-codeSamples']).toEqual(samples);
      expect(getOperation(doc).operation['x-codeSamples']).toBeUndefined();
    });
  }

  it('refuses a template placeholder that is neither a known value nor a request field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerspec-docs-templates-'));
    try {
      mkdirSync(join(dir, 'aws-lambda'));
      for (const file of ['curl.sh', 'layerspec.ts', 'sdk.ts']) writeFileSync(join(dir, 'aws-lambda', file), '{{NoSuchField}}');
      const { doc } = loadBundle('aws-lambda');
      expect(() =>
        buildCodeSamples({ api: 'aws-lambda', doc, fields: listFields(doc), provider: providers.apis['aws-lambda'], mockCommand: 'x', templatesDir: dir }),
      ).toThrow(/placeholder \{\{NoSuchField\}\}/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('portal wording', () => {
  const sides = ['aws-lambda', 'tencent-scf'].map((api) => sideOf(api, loadBundle(api).doc));
  const page = renderPortal({ sides, comparison: buildComparison(sides[0]!, sides[1]!), themeCss: '', mockCommand: providers.mockCommand });
  const text = page.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

  it('names the branches of a oneOf instead of repeating their type ("object or object")', () => {
    expect(text).not.toMatch(/\b(\w+) or \1\b/);
    expect(text).toContain('GetLayerVersionResult or ErrorResult');
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
  it('writes int64 bounds that JSON rounds (2^63) as their exact digits, and leaves the bundle alone', () => {
    const { doc } = loadBundle('aws-lambda');
    const before = JSON.stringify(doc);
    const copy = withExactInt64Bounds(doc);
    expect(copy.components.schemas.LayerVersionNumber.maximum).toBe(String(2n ** 63n - 1n));
    expect(copy.components.schemas.LayerVersionNumber.minimum).toBe(doc.components.schemas.LayerVersionNumber.minimum);
    expect(withExactInt64Bounds({ a: { type: 'integer', format: 'int64', minimum: -(2 ** 63) } }).a.minimum).toBe(String(-(2n ** 63n)));
    expect(withExactInt64Bounds({ a: { type: 'integer', format: 'int32', maximum: 2 ** 63 } }).a.maximum).toBe(2 ** 63);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it("links to Redoc's anchor of the operation, and refuses an operation without a declared tag", () => {
    const { doc } = loadBundle('aws-lambda');
    const { operation } = getOperation(doc);
    expect(operationAnchor(doc, operation)).toBe(`#/${operation.tags[0].toLowerCase()}/${operation.operationId.toLowerCase()}`);
    expect(() => operationAnchor(doc, { operationId: 'X' })).toThrow(/no tag/);
    expect(() => operationAnchor(doc, { operationId: 'X', tags: ['Nope'] })).toThrow(/not declared/);
  });
});
