// getLayerVersion without openapi-fetch, for the Node entry: the one request built from the rules
// (with openapi-fetch's own path serializer, so the URL is the one its GET would send) and handed
// to the transport as plain data. No Request or Response is made, so on Node undici is never
// loaded; the endpoint, the operation and the client's headers are worked out once per client.
import { defaultPathSerializer } from 'openapi-fetch';
import { parsed, type DirectCall } from './core.js';
import type { Outgoing } from './transport.js';

export const directCall: DirectCall = ({ rules, base, headers, send, finish }) => {
  const { method, path, inputsIn } = rules.operation;
  const verb = method.toUpperCase();
  const url = base + path;
  const withBody = { 'content-type': 'application/json', ...headers };
  return async (values, call) => {
    const request: Outgoing =
      inputsIn === 'path'
        ? {
            method: verb,
            url: base + defaultPathSerializer(path, values),
            headers: call.headers ? { ...headers, ...call.headers } : headers,
            body: undefined,
          }
        : { method: verb, url, headers: call.headers ? { ...withBody, ...call.headers } : withBody, body: JSON.stringify(values) };
    const answer = await send(request, call.signal);
    const { body, error } = parsed(answer);
    return finish(answer.status, answer.headers, body, error);
  };
};
