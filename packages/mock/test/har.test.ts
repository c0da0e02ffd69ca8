// journalToHar: each kind of journal entry as HAR 1.2, checked field by field and against the
// required fields of the HAR 1.2 spec (http://www.softwareishard.com/blog/har-12-spec/).
import { readFileSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { type JournalEntry, REDACTED } from '../src/state/journal-entry.js';
import { journalToHar } from '../src/state/har.js';

const ownPackage = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** The fields HAR 1.2 requires of a log, an entry, a request and a response, as a JSON Schema. */
const nameValues = { type: 'array', items: { type: 'object', required: ['name', 'value'], properties: { name: { type: 'string' }, value: { type: 'string' } } } };
const har12 = {
  type: 'object',
  required: ['log'],
  properties: {
    log: {
      type: 'object',
      required: ['version', 'creator', 'entries'],
      properties: {
        version: { const: '1.2' },
        creator: { type: 'object', required: ['name', 'version'], properties: { name: { type: 'string' }, version: { type: 'string' } } },
        entries: {
          type: 'array',
          items: {
            type: 'object',
            required: ['startedDateTime', 'time', 'request', 'response', 'cache', 'timings'],
            patternProperties: { '^_': {} },
            additionalProperties: false,
            properties: {
              startedDateTime: { type: 'string', format: 'date-time' },
              time: { type: 'number', minimum: 0 },
              request: {
                type: 'object',
                required: ['method', 'url', 'httpVersion', 'cookies', 'headers', 'queryString', 'headersSize', 'bodySize'],
                properties: {
                  method: { type: 'string' },
                  url: { type: 'string' },
                  httpVersion: { type: 'string' },
                  cookies: { type: 'array' },
                  headers: nameValues,
                  queryString: nameValues,
                  postData: { type: 'object', required: ['mimeType'], properties: { mimeType: { type: 'string' }, text: { type: 'string' } } },
                  headersSize: { type: 'integer' },
                  bodySize: { type: 'integer' },
                },
              },
              response: {
                type: 'object',
                required: ['status', 'statusText', 'httpVersion', 'cookies', 'headers', 'content', 'redirectURL', 'headersSize', 'bodySize'],
                properties: {
                  status: { type: 'integer' },
                  statusText: { type: 'string' },
                  httpVersion: { type: 'string' },
                  cookies: { type: 'array' },
                  headers: nameValues,
                  content: {
                    type: 'object',
                    required: ['size', 'mimeType'],
                    properties: { size: { type: 'integer' }, mimeType: { type: 'string' }, text: { type: 'string' } },
                  },
                  redirectURL: { type: 'string' },
                  headersSize: { type: 'integer' },
                  bodySize: { type: 'integer' },
                },
              },
              cache: { type: 'object' },
              timings: {
                type: 'object',
                required: ['send', 'wait', 'receive'],
                properties: { send: { type: 'number', minimum: -1 }, wait: { type: 'number', minimum: -1 }, receive: { type: 'number', minimum: -1 } },
              },
            },
          },
        },
      },
    },
  },
};
const validateHar12 = new Ajv({ allErrors: true, formats: { 'date-time': (text: string) => !Number.isNaN(Date.parse(text)) } }).compile(har12);

function expectValidHar(har: unknown) {
  const valid = validateHar12(har);
  expect(validateHar12.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

const tencentBody = '{"LayerName":"layer-é","LayerVersion":1}';
const answered: JournalEntry = {
  sequence: 1,
  startedAt: '2026-12-01T02:00:00.000Z',
  durationMs: 12,
  request: {
    method: 'POST',
    url: 'http://127.0.0.1:4011/?trace=1&trace=2',
    headers: { authorization: REDACTED, 'content-type': 'application/json; charset=utf-8', 'x-tc-action': 'GetLayerVersion' },
    body: tencentBody,
  },
  signature: { status: 'verified' },
  answer: { kind: 'answered', status: 200, headers: { 'content-type': 'application/json', 'x-custom': 'a' }, body: '{"Response":{"RequestId":"r-1"}}' },
  fault: 'delay',
};
const get: JournalEntry = {
  sequence: 2,
  startedAt: '2026-12-01T02:00:01.000Z',
  durationMs: 3,
  request: { method: 'GET', url: 'http://127.0.0.1:4010/2018-10-31/layers/x/versions/1', headers: {}, body: '' },
  signature: { status: 'unsigned' },
  answer: { kind: 'answered', status: 429, headers: { 'content-type': 'application/json', 'retry-after': '1' }, body: '{"Type":"User"}' },
};
const dropped: JournalEntry = { ...get, sequence: 3, signature: { status: 'refused', reason: 'stale' }, answer: { kind: 'dropped' }, fault: 'drop' };
const fullBody = '{"Description":"€uro"}';
const cutOff: JournalEntry = {
  ...get,
  sequence: 4,
  answer: { kind: 'cut-off', status: 200, headers: { 'content-type': 'application/json' }, body: fullBody, bytesSent: 17 },
  fault: 'cut',
};

describe('journalToHar', () => {
  it('writes a HAR 1.2 log with every required field, created by this package unless told otherwise', () => {
    const har = journalToHar([answered, get, dropped, cutOff]);
    expectValidHar(har);
    expect(har.log.creator).toEqual({ name: ownPackage.name, version: ownPackage.version });
    expect(har.log.entries).toHaveLength(4);
    expect(journalToHar([], { creator: { name: 'me', version: '9' } }).log).toEqual({ version: '1.2', creator: { name: 'me', version: '9' }, entries: [] });
  });

  it('turns an answered request with a body into request, postData, response and timings', () => {
    const [entry] = journalToHar([answered]).log.entries;
    expect(entry).toEqual({
      startedDateTime: answered.startedAt,
      time: 12,
      request: {
        method: 'POST',
        url: answered.request.url,
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: [
          { name: 'authorization', value: REDACTED },
          { name: 'content-type', value: 'application/json; charset=utf-8' },
          { name: 'x-tc-action', value: 'GetLayerVersion' },
        ],
        queryString: [
          { name: 'trace', value: '1' },
          { name: 'trace', value: '2' },
        ],
        postData: { mimeType: 'application/json; charset=utf-8', text: tencentBody },
        headersSize: -1,
        // In bytes: é is two.
        bodySize: tencentBody.length + 1,
      },
      response: {
        status: 200,
        statusText: 'OK',
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: [
          { name: 'content-type', value: 'application/json' },
          { name: 'x-custom', value: 'a' },
        ],
        content: { size: 32, mimeType: 'application/json', text: '{"Response":{"RequestId":"r-1"}}' },
        redirectURL: '',
        headersSize: -1,
        bodySize: 32,
      },
      cache: {},
      timings: { send: 0, wait: 12, receive: 0 },
      _layerspec: { sequence: 1, answer: 'answered', signature: { status: 'verified' }, fault: 'delay' },
    });
  });

  it('has no postData for a request without a body, and the status text Node.js knows', () => {
    const [entry] = journalToHar([get]).log.entries;
    expect(entry?.request).not.toHaveProperty('postData');
    expect(entry?.request.bodySize).toBe(0);
    expect(entry?.response.statusText).toBe(STATUS_CODES[429]);
    expect(entry?.response.headers).toContainEqual({ name: 'retry-after', value: '1' });
    expect(entry?._layerspec).toEqual({ sequence: 2, answer: 'answered', signature: { status: 'unsigned' } });
  });

  it('keeps a dropped request with status 0 and no response, as browsers record one', () => {
    const [entry] = journalToHar([dropped]).log.entries;
    expect(entry?.request.url).toBe(get.request.url);
    expect(entry?.response).toMatchObject({ status: 0, statusText: '', headers: [], content: { size: 0, mimeType: '' }, bodySize: -1 });
    expect(entry?.response.content).not.toHaveProperty('text');
    expect(entry?._layerspec).toEqual({ sequence: 3, answer: 'dropped', signature: { status: 'refused', reason: 'stale' }, fault: 'drop' });
  });

  it('gives a cut-off answer only the bytes that were sent (here the cut splits the €), and the size of the whole body beside them', () => {
    const [entry] = journalToHar([cutOff]).log.entries;
    expect(entry?.response.status).toBe(200);
    expect(entry?.response.content.text).toBe(Buffer.from(fullBody).subarray(0, 17).toString('utf8'));
    expect(entry?.response.content.size).toBe(17);
    expect(entry?.response.bodySize).toBe(17);
    expect(entry?._layerspec).toMatchObject({ answer: 'cut-off', intendedBodySize: Buffer.byteLength(fullBody), fault: 'cut' });
  });

  it('keeps the journal order', () => {
    expect(journalToHar([cutOff, answered]).log.entries.map((entry) => entry._layerspec.sequence)).toEqual([4, 1]);
  });
});
