// @ts-check
// Code samples are documentation, not API facts: they live as templates in this package and are
// added to a copy of the bundle as `x-codeSamples` at build time, so specs/ stays the API's truth.
// Placeholders are filled from the model (the first example of each request field, the path).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** @typedef {import('./fields.js').Field} Field */
/** @typedef {import('@layerspec/specs/model').ApiModel} ApiModel */
/** @typedef {{ label: string, mockPort: number, mockCredentials: { id: string, secret: string }, clientPackage: string, sdkPackage: string }} Provider */

/** @param {Provider} provider */
export function sampleFiles(provider) {
  return [
    { file: 'curl.sh', lang: 'curl', label: 'curl (local mock)' },
    { file: 'layerspec.ts', lang: 'TypeScript', label: provider.clientPackage },
    { file: 'sdk.ts', lang: 'TypeScript', label: `${provider.sdkPackage} (official SDK)` },
  ];
}

/**
 * @param {{ api: string, model: ApiModel, fields: Field[], provider: Provider, mockCommand: string, templatesDir: string }} input
 * @returns {{ lang: string, label: string, source: string }[]}
 */
export function buildCodeSamples({ api, model, fields, provider, mockCommand, templatesDir }) {
  const request = fields.filter((field) => field.side === 'request');
  const { path } = model.operation;
  const host = `127.0.0.1:${provider.mockPort}`;
  /** @type {Record<string, unknown>} */
  const body = {};
  for (const field of request) if (field.in === 'body' && !field.name.includes('.')) body[field.name] = field.example;
  const filledPath = path.replace(/\{([^}]+)\}/g, (_, name) => {
    const field = request.find((f) => f.in === 'path' && f.name === name);
    if (field?.example === undefined) throw new Error(`${api}: path parameter ${name} has no example to put in the code samples`);
    return encodeURIComponent(String(field.example));
  });
  /** @type {Record<string, string>} */
  const text = {
    mockCommand,
    mockHost: host,
    mockUrl: `http://${host}`,
    mockId: provider.mockCredentials.id,
    mockSecret: provider.mockCredentials.secret,
    clientPackage: provider.clientPackage,
    sdkPackage: provider.sdkPackage,
    path: filledPath,
    body: JSON.stringify(body),
  };
  return sampleFiles(provider).map(({ file, lang, label }) => {
    const template = readFileSync(join(templatesDir, api, file), 'utf8');
    const source = template.replace(/\{\{([\w-]+)\}\}/g, (_, name) => {
      const known = text[name];
      if (known !== undefined) return known;
      const field = request.find((f) => f.name === name);
      if (!field || field.example === undefined) throw new Error(`${api}/${file}: placeholder {{${name}}} is neither a known value nor a request field with an example`);
      // In TypeScript a field's example goes in as a literal; in a shell script as plain text.
      return file.endsWith('.ts') ? JSON.stringify(field.example) : String(field.example);
    });
    return { lang, label, source: source.trimEnd() };
  });
}

/**
 * A copy of the bundle for Redoc with the samples on the operation the model names.
 * @param {any} doc @param {ApiModel} model @param {{ lang: string, label: string, source: string }[]} samples
 */
export function withCodeSamples(doc, model, samples) {
  const copy = structuredClone(doc);
  const { path, method } = model.operation;
  const operation = copy.paths?.[path]?.[method.toLowerCase()];
  if (!operation) throw new Error(`${model.api}: the bundle has no ${method} ${path}`);
  operation['x-codeSamples'] = samples;
  return copy;
}
