// The journal on its own: order, its limit, long bodies cut, and secrets taken out of headers.
import { describe, expect, it } from 'vitest';
import { loadModel } from '../src/model.js';
import type { JournalEntry } from '../src/state/journal-entry.js';
import { JOURNAL_BODY_LIMIT, createJournal, keptBody, redactHeaders, redactTarget } from '../src/state/journal.js';

const entry =
  (body = ''): (() => Omit<JournalEntry, 'sequence' | 'signature'>) =>
  () => ({
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1,
    request: { method: 'GET', url: 'http://127.0.0.1:1/', headers: {}, body },
    answer: { kind: 'dropped' },
  });

describe('the request journal', () => {
  it('numbers entries in order and keeps only the newest up to its limit', async () => {
    const journal = createJournal(2);
    for (const body of ['a', 'b', 'c']) journal.add(entry(body), { status: 'unsigned' });
    expect((await journal.entries()).map((kept) => [kept.sequence, kept.request.body])).toEqual([
      [2, 'b'],
      [3, 'c'],
    ]);
    journal.clear();
    expect(await journal.entries()).toEqual([]);
  });

  it('keeps a body up to its limit whole, and cuts a longer one, saying so', () => {
    expect(keptBody('x'.repeat(JOURNAL_BODY_LIMIT))).toEqual({ body: 'x'.repeat(JOURNAL_BODY_LIMIT) });
    expect(keptBody(`${'y'.repeat(JOURNAL_BODY_LIMIT)}z`)).toEqual({ body: 'y'.repeat(JOURNAL_BODY_LIMIT), bodyCut: true });
  });

  it('keeps within its byte budget, dropping the oldest first but never the newest', async () => {
    const journal = createJournal(1_000, 1_000);
    for (let i = 1; i <= 30; i++) journal.add(entry(String(i)), { status: 'unsigned' }, 100);
    const { entries, bytes } = journal.size();
    expect(bytes).toBeLessThanOrEqual(1_000);
    expect(entries).toBe(bytes / 100);
    expect((await journal.entries()).at(-1)?.request.body).toBe('30');
    journal.add(entry('huge'), { status: 'unsigned' }, 5_000);
    expect((await journal.entries()).map((kept) => kept.request.body)).toEqual(['huge']);
  });

  it('gives copies, so a caller cannot change what was recorded', async () => {
    const journal = createJournal();
    journal.add(entry('a'), { status: 'unsigned' });
    (await journal.entries())[0]!.request.body = 'changed';
    expect((await journal.entries())[0]?.request.body).toBe('a');
  });
});

describe('a signature check left for later', () => {
  it('runs once, when the journal is first read', async () => {
    const journal = createJournal();
    let runs = 0;
    journal.add(entry('a'), async () => {
      runs += 1;
      return { status: 'refused', reason: 'bad' };
    });
    expect(runs).toBe(0);
    expect((await journal.entries())[0]?.signature).toEqual({ status: 'refused', reason: 'bad' });
    await journal.entries();
    expect(runs).toBe(1);
  });
});

describe('redactHeaders', () => {
  it("takes out the signature and each provider's session token, by the model's header names", () => {
    const aws = redactHeaders(loadModel('aws-lambda'), {
      authorization: 'AWS4-HMAC-SHA256 Credential=AKIA/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc123',
      'x-amz-security-token': 'secret-token',
      'x-amz-date': '20260101T000000Z',
    });
    expect(aws).toEqual({
      authorization: 'AWS4-HMAC-SHA256 Credential=AKIA/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host;x-amz-date, Signature=[redacted]',
      'x-amz-security-token': '[redacted]',
      'x-amz-date': '20260101T000000Z',
    });
    expect(redactHeaders(loadModel('tencent-scf'), { 'x-tc-token': 't' })).toEqual({ 'x-tc-token': '[redacted]' });
  });
});

describe('secrets outside the signature headers', () => {
  it("takes out the cookies a browser sends, a proxy's credentials and the control token", () => {
    const headers = { cookie: 'session=abc', 'proxy-authorization': 'Basic dTpw', 'x-layerspec-control-token': 't', accept: '*/*' };
    expect(redactHeaders(loadModel('aws-lambda'), headers)).toEqual({
      cookie: '[redacted]',
      'proxy-authorization': '[redacted]',
      'x-layerspec-control-token': '[redacted]',
      accept: '*/*',
    });
  });

  it("takes out SigV4's query form, by the spec's names, in any case, keeping the rest byte for byte", () => {
    const model = loadModel('aws-lambda');
    expect(model.signing.secretQueryParameters).toEqual(['X-Amz-Signature', 'X-Amz-Credential', 'X-Amz-Security-Token']);
    const target =
      '/2018-10-31/layers/a/versions/1?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20260101%2Fus-east-1%2Flambda%2Faws4_request' +
      '&X-Amz-Date=20260101T000000Z&x-amz-security-token=FQo%2Bsecret&X-Amz-SignedHeaders=host&X-Amz-Signature=abc123&Marker=a%20b';
    expect(redactTarget(model, target)).toBe(
      '/2018-10-31/layers/a/versions/1?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=%5Bredacted%5D' +
        '&X-Amz-Date=20260101T000000Z&x-amz-security-token=%5Bredacted%5D&X-Amz-SignedHeaders=host&X-Amz-Signature=%5Bredacted%5D&Marker=a%20b',
    );
    expect(redactTarget(model, '/2018-10-31/layers/a/versions/1')).toBe('/2018-10-31/layers/a/versions/1');
  });
});
