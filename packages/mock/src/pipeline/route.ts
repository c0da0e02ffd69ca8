// The route stage: the provider's own checks before Prism (credentials present, signature
// accepted, a request it can read into one of its operations), then which answer the request asks for.
import { chooseResponse, mockUsageError } from './choose-response.js';
import type { Exchange, MockParts } from './exchange.js';

export function route({ options, spec, adapter }: MockParts, exchange: Exchange): void {
  const { request } = exchange;
  // The journal names the operation of a request refused before it was read, too.
  exchange.operation ??= adapter.operationOf(request);
  if (!request.headers[spec.model.signing.header.toLowerCase()]) {
    exchange.answer = adapter.renderError({ kind: 'unauthenticated' });
    return;
  }
  if (options.verifySignatures && exchange.rejection) {
    exchange.answer = adapter.renderError({ kind: 'signature', rejection: exchange.rejection });
    return;
  }
  const prepared = adapter.readRequest(request);
  if ('answer' in prepared) {
    exchange.answer = prepared.answer;
    return;
  }
  exchange.prepared = prepared;
  exchange.operation = prepared.operation;
  const choice = chooseResponse(spec, prepared.operation, request.headers.prefer, options);
  if ('error' in choice) {
    const names = prepared.operation.scenarios.map((scenario) => `${scenario.name} (${scenario.status})`).join(', ');
    exchange.answer = mockUsageError(`${choice.error}. The scenarios of ${prepared.operation.id} on ${spec.provider} are: ${names}`);
    return;
  }
  exchange.choice = choice;
  const path = request.url.split('?')[0] || '/';
  // Prism decodes the path and throws on a malformed escape such as a lone `%`.
  if (!isDecodable(path)) exchange.answer = adapter.renderError({ kind: 'bad-request', message: `The request path \`${path}\` is not valid percent-encoding.` });
}

function isDecodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}
