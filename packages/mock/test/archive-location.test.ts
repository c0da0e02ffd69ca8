// With serveArchive, Location points at the address the mock listens on, whatever Host says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../src/index.js';
import { sendRaw } from './raw-http.js';
import { TENCENT_HEADERS } from './spec-examples.js';

let aws: RunningMock;
let tencent: RunningMock;
beforeAll(async () => {
  [aws, tencent] = await Promise.all([startMock({ provider: 'aws-lambda', serveArchive: true }), startMock({ provider: 'tencent-scf', serveArchive: true })]);
});
afterAll(async () => {
  await Promise.all([aws.close(), tencent.close()]);
});

const hostile = ['a@evil.example', 'evil.example', 'evil.example/x?', `${'x'.repeat(100)}:1`];

describe('Location of the served archive', () => {
  for (const host of hostile) {
    it(`AWS: Host: ${host.slice(0, 20)} does not reach Location`, async () => {
      const answer = await sendRaw(aws.url, `GET /2018-10-31/layers/my-layer/versions/1 HTTP/1.1\r\nHost: ${host}\r\nAuthorization: x\r\nConnection: close\r\n\r\n`);
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body).Content.Location).toBe(`${aws.url}/__layerspec/layer.zip`);
    });

    it(`Tencent: Host: ${host.slice(0, 20)} does not reach Location`, async () => {
      const body = '{"LayerName":"layer3","LayerVersion":1}';
      const head = Object.entries(TENCENT_HEADERS)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('');
      const answer = await sendRaw(tencent.url, `POST / HTTP/1.1\r\nHost: ${host}\r\n${head}Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
      expect(JSON.parse(answer.body).Response.Location).toBe(`${tencent.url}/__layerspec/layer.zip`);
    });
  }
});
