// A call without openapi-fetch, for the Node entry: each operation's request built from the rules
// (by requestParts, as the core builds it for openapi-fetch, so the request is the same either
// way) and handed to the transport as plain data. No Request or Response is made, so on Node undici is never loaded;
// what an operation's requests share (method, headers) is worked out once per client.
import { parsed, requestParts, type DirectCall, type OperationRules } from './core.js';
import type { Outgoing } from './transport.js';

export const directCall: DirectCall = ({ base, headers, send, finish }) => {
  const prepared = new Map<OperationRules, { verb: string; headers: Record<string, string> }>();
  return (operation, id, input, call) => {
    let fixed = prepared.get(operation);
    if (!fixed) {
      const own: Record<string, string> = {};
      for (const name in operation.headers) own[name.toLowerCase()] = operation.headers[name]!;
      const withBody = Object.values(operation.inputs).some((each) => each.in === 'body');
      fixed = { verb: operation.method.toUpperCase(), headers: { ...(withBody ? { 'content-type': 'application/json' } : {}), ...own, ...headers } };
      prepared.set(operation, fixed);
    }
    const { path, body } = requestParts(operation, input);
    const request: Outgoing = {
      method: fixed.verb,
      url: base + path,
      headers: call.headers ? { ...fixed.headers, ...call.headers } : fixed.headers,
      body,
    };
    return send(request, call.signal).then((answer) => {
      const { body, error } = parsed(answer);
      return finish(id, answer.status, answer.headers, body, error);
    });
  };
};
