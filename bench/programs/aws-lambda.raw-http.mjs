// @ts-check
// The transport alone: node:http with a keep-alive agent, no signing and no client. Node 20's
// fetch (undici) costs more per call than node:http, which the official SDKs use.
import { Agent, request } from 'node:http';

/** @param {string | undefined} endpoint */
export function createCall(endpoint) {
  const url = `${endpoint ?? 'http://lambda.us-east-1.amazonaws.com'}/2018-10-31/layers/my-layer/versions/1`;
  const agent = new Agent({ keepAlive: true });
  return () =>
    new Promise((resolve, reject) => {
      const outgoing = request(url, { agent }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => (response.statusCode === 200 ? resolve(JSON.parse(body)) : reject(new Error(`raw http: HTTP ${response.statusCode}`))));
        response.on('error', reject);
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
}
