// The route stage: the provider's own checks before Prism (credentials present, signature
// accepted, a request it can read), then which answer the request asks for.
import { chooseResponse, mockUsageError } from './choose-response.js';
import type { Exchange, MockParts } from './exchange.js';

export function route({ options, spec, adapter }: MockParts, exchange: Exchange): void {
  const { request } = exchange;
  const unauthenticated = adapter.checkAuthorization(request);
  if (unauthenticated) {
    exchange.answer = unauthenticated;
    return;
  }
  if (options.verifySignatures && exchange.rejection) {
    exchange.answer = adapter.refuseSignature(exchange.rejection);
    return;
  }
  const prepared = adapter.readRequest(request);
  if ('answer' in prepared) {
    exchange.answer = prepared.answer;
    return;
  }
  exchange.prepared = prepared;
  const choice = chooseResponse(spec, request.headers.prefer, options);
  if ('error' in choice) {
    const names = spec.model.scenarios.map((scenario) => `${scenario.name} (${scenario.status})`).join(', ');
    exchange.answer = mockUsageError(`${choice.error}. The scenarios of ${spec.provider} are: ${names}`);
    return;
  }
  exchange.choice = choice;
  const path = request.url.split('?')[0] || '/';
  // Prism decodes the path and throws on a malformed escape such as a lone `%`.
  if (!isDecodable(path)) exchange.answer = adapter.badRequest(`The request path \`${path}\` is not valid percent-encoding.`);
}

function isDecodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}
