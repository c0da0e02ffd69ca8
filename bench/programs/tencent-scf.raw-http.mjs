// @ts-check
// The transport alone: node:http with a keep-alive agent, no signing and no client. Node 20's
// fetch (undici) costs more per call than node:http, which the official SDKs use.
import { Agent, request } from 'node:http';

/** @param {string | undefined} endpoint */
export function createCall(endpoint) {
  const url = `${endpoint ?? 'http://scf.tencentcloudapi.com'}/`;
  const agent = new Agent({ keepAlive: true });
  const body = JSON.stringify({ LayerName: 'layer3', LayerVersion: 1 });
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    'x-tc-action': 'GetLayerVersion',
    'x-tc-version': '2018-04-16',
  };
  return () =>
    new Promise((resolve, reject) => {
      const outgoing = request(url, { method: 'POST', agent, headers }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => (response.statusCode === 200 ? resolve(JSON.parse(text)) : reject(new Error(`raw http: HTTP ${response.statusCode}`))));
        response.on('error', reject);
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
}
