// The scenarios as the tests read them: straight from the bundled specs, without the mock's code,
// so a test fails if the mock and the spec disagree.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export type ProviderName = 'aws-lambda' | 'tencent-scf';

export interface SpecExample {
  /** The operationId of the operation whose response holds the example. */
  operation: string;
  name: string;
  status: number;
  value: any;
  /** The example object itself, for its `x-` extensions. */
  example: any;
  /** The response object the example belongs to. */
  response: any;
}

export function readBundle(provider: ProviderName): any {
  return JSON.parse(readFileSync(require.resolve(`@layerspec/specs/${provider}.json`), 'utf8'));
}

function resolve(document: any, node: any): any {
  while (node && typeof node.$ref === 'string') {
    node = node.$ref
      .slice(2)
      .split('/')
      .reduce((parent: any, key: string) => parent[key], document);
  }
  return node;
}

/** The named response examples of a spec, of every operation or of one (by operationId). */
export function specExamples(provider: ProviderName, operationId?: string): SpecExample[] {
  const document = readBundle(provider);
  const examples: SpecExample[] = [];
  for (const item of Object.values<any>(document.paths)) {
    for (const operation of Object.values<any>(item)) {
      if (!operation?.responses || (operationId !== undefined && operation.operationId !== operationId)) continue;
      for (const [status, ref] of Object.entries<any>(operation.responses)) {
        const response = resolve(document, ref);
        for (const [name, example] of Object.entries<any>(response.content?.['application/json']?.examples ?? {})) {
          const resolved = resolve(document, example);
          examples.push({ operation: operation.operationId, name, status: Number(status), value: resolved.value, example: resolved, response });
        }
      }
    }
  }
  return examples;
}

/** The error name AWS sends for an example: the example's own `x-layerspec-error-type`, else the header's const. */
export function awsErrorName(document: any, example: SpecExample): string {
  if (typeof example.example['x-layerspec-error-type'] === 'string') return example.example['x-layerspec-error-type'];
  const header = resolve(document, example.response.headers?.['x-amzn-ErrorType']);
  return resolve(document, header.schema).const;
}

/** Asserts nothing of Prism's own problem+json is in an answer. */
export function isProblemJson(contentType: string | null, body: unknown): boolean {
  if (contentType?.includes('problem')) return true;
  return typeof body === 'object' && body !== null && 'type' in body && 'title' in body && 'status' in body;
}

export const TENCENT_HEADERS = {
  'content-type': 'application/json',
  'x-tc-action': 'GetLayerVersion',
  'x-tc-version': '2018-04-16',
  'x-tc-timestamp': '1551113065',
  authorization: 'TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2019-02-25/scf/tc3_request, SignedHeaders=content-type;host, Signature=0',
} as const;

export const AWS_HEADERS = {
  authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/lambda/aws4_request, SignedHeaders=host;x-amz-date, Signature=0',
} as const;
