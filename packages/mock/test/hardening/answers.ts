// What a faithful answer of each mock looks like, read from the bundled specs (never retyped),
// and a raw HTTP sender that puts adversarial bytes on the wire as they are.
import { Agent, request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';

type Node = Record<string, any>;
const require = createRequire(import.meta.url);
// CommonJS packages, required so Node and vitest read their exports the same way.
const Ajv2020 = (require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')).default;
const addFormats = (require('ajv-formats') as typeof import('ajv-formats')).default;

export function loadBundle(provider: 'aws-lambda' | 'tencent-scf'): Node {
  return require(`@layerspec/specs/${provider}.json`) as Node;
}

function deref(document: Node, node: Node | undefined): Node | undefined {
  let current = node;
  while (current && typeof current.$ref === 'string') {
    current = (current.$ref as string)
      .slice(2)
      .split('/')
      .reduce<Node | undefined>((parent, key) => parent?.[key], document);
  }
  return current;
}

/** A validator for one of the spec's component schemas (OpenAPI 3.1 schemas are JSON Schema 2020-12). */
export function schemaValidator(document: Node, schemaName: string): (value: unknown) => boolean {
  const ajv = new Ajv2020({ strict: false });
  addFormats(ajv);
  ajv.addFormat('int64', true); // the integer bounds are in the schema itself
  ajv.addSchema({ $id: 'spec', components: document.components });
  const validate = ajv.getSchema(`spec#/components/schemas/${schemaName}`);
  if (!validate) throw new Error(`the spec has no schema ${schemaName}`);
  return (value) => validate(value) === true;
}

export interface SpecScenario {
  name: string;
  status: number;
  value: any;
}

/** Every named response example of the spec's one operation, with its status. */
export function scenariosOf(document: Node): SpecScenario[] {
  const [pathItem] = Object.values<Node>(document.paths);
  const operation = pathItem!.get ?? pathItem!.post;
  const scenarios: SpecScenario[] = [];
  for (const [status, ref] of Object.entries<Node>(operation.responses)) {
    const examples = deref(document, ref)?.content?.['application/json']?.examples ?? {};
    for (const [name, example] of Object.entries<Node>(examples)) {
      scenarios.push({ name, status: Number(status), value: deref(document, example)?.value });
    }
  }
  return scenarios;
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * The mock's own answer to a `Prefer` it cannot honour: deliberately in no provider's shape, and
 * the one answer a request that sends `Prefer` may get outside the provider's shapes.
 */
export function isMockUsageError(request: RawRequest, answer: RawAnswer): boolean {
  return (
    request.headers.prefer !== undefined &&
    answer.status === 501 &&
    String(answer.headers['content-type']).startsWith('text/plain') &&
    // A HEAD answer carries no body.
    (answer.text === '' || answer.text.startsWith('layerspec-mock cannot answer this request as asked: Prefer'))
  );
}

export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

const agent = new Agent({ keepAlive: true, maxSockets: 16 });

/**
 * Sends a request exactly as given (no URL normalisation, unlike fetch) and rejects if no
 * answer comes within `timeoutMs`: the hang detector, not a speed assertion.
 */
export function send(base: string, raw: RawRequest, timeoutMs = 20_000): Promise<RawAnswer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: raw.method,
        path: raw.path,
        // Framed explicitly: Node sends a GET body without a length, which no server can read.
        headers: raw.body === undefined ? raw.headers : { ...raw.headers, 'content-length': String(Buffer.byteLength(raw.body)) },
        agent,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(raw.body);
  });
}

export function closeSenders(): void {
  agent.destroy();
}

function parseJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** Checks AWS answers: a documented status with its error name and body, or a 200 whose body the spec's schema accepts. */
export function awsAnswerChecker(document: Node) {
  const [pathItem] = Object.values<Node>(document.paths);
  const responses: Node = pathItem!.get.responses;
  const statuses = new Set(Object.keys(responses).map(Number));
  // Error name -> the status the spec gives it.
  const statusOfError = new Map<string, number>();
  for (const [status, ref] of Object.entries<Node>(responses)) {
    const schema = deref(document, deref(document, deref(document, ref)?.headers?.['x-amzn-ErrorType'])?.schema);
    for (const name of [schema?.const, ...(schema?.enum ?? [])]) if (name) statusOfError.set(name, Number(status));
  }
  // Not in the spec (it describes one operation): a rest-json service's answer for a route it does not have.
  statusOfError.set('UnknownOperationException', 404);
  const isResult = schemaValidator(document, 'GetLayerVersionResponse');

  /** Returns what is wrong with the answer, or undefined. `allowServerError` when the request asked for a 5xx scenario. */
  return function problemWith(answer: RawAnswer, method: string, allowServerError = false): string | undefined {
    const contentType = String(answer.headers['content-type'] ?? '');
    if (contentType.includes('problem+json')) return `problem+json reached the client: ${answer.text.slice(0, 200)}`;
    if (answer.status >= 500 && !allowServerError) return `server error ${answer.status}: ${answer.text.slice(0, 300)}`;
    if (!statuses.has(answer.status)) return `undocumented status ${answer.status}`;
    if (!isNonEmptyString(answer.headers['x-amzn-requestid'])) return 'no x-amzn-RequestId';
    if (method === 'HEAD') return undefined; // no body to check
    const body = parseJson(answer.text);
    if (!contentType.startsWith('application/json') || body === undefined) return `not JSON: ${contentType} ${answer.text.slice(0, 200)}`;
    if (answer.status === 200) {
      return isResult(body) ? undefined : `200 body breaks the spec's schema: ${answer.text.slice(0, 200)}`;
    }
    const errorType = answer.headers['x-amzn-errortype'];
    if (!isNonEmptyString(errorType)) return `error ${answer.status} without x-amzn-ErrorType`;
    if (statusOfError.get(errorType) !== answer.status) return `${errorType} answered with status ${answer.status}`;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'error body is not an object';
    if (!isNonEmptyString(body.message) && !isNonEmptyString(body.Message)) return `error body without message: ${answer.text.slice(0, 200)}`;
    return undefined;
  };
}

/** Checks Tencent answers: always HTTP 200 and the envelope, an Error with Code and Message or a result the spec's schema accepts. */
export function tencentAnswerChecker(document: Node) {
  const isResult = schemaValidator(document, 'GetLayerVersionResult');
  const codePattern = new RegExp((deref(document, document.components.schemas.ErrorCode)!.anyOf as Node[]).find((schema) => schema.pattern)!.pattern);

  return function problemWith(answer: RawAnswer, method: string): string | undefined {
    const contentType = String(answer.headers['content-type'] ?? '');
    if (contentType.includes('problem+json')) return `problem+json reached the client: ${answer.text.slice(0, 200)}`;
    if (answer.status !== 200) return `HTTP ${answer.status}: ${answer.text.slice(0, 300)}`;
    if (method === 'HEAD') return undefined;
    const body = parseJson(answer.text);
    if (!contentType.startsWith('application/json') || body === undefined) return `not JSON: ${contentType} ${answer.text.slice(0, 200)}`;
    const response = body?.Response;
    if (typeof response !== 'object' || response === null) return `no Response envelope: ${answer.text.slice(0, 200)}`;
    if (!isNonEmptyString(response.RequestId)) return 'no RequestId';
    if (response.Error !== undefined) {
      if (!isNonEmptyString(response.Error.Code) || !codePattern.test(response.Error.Code)) return `bad Error.Code ${JSON.stringify(response.Error.Code)}`;
      if (!isNonEmptyString(response.Error.Message)) return 'Error without Message';
      if (Object.keys(response).some((key) => key !== 'Error' && key !== 'RequestId')) return 'error envelope carries more than Error and RequestId';
      return undefined;
    }
    return isResult(response) ? undefined : `result breaks the spec's schema: ${answer.text.slice(0, 200)}`;
  };
}
