// The journal on its own: order, its limit, long bodies cut, and secrets taken out of headers.
import { describe, expect, it } from 'vitest';
import { loadModel } from '../src/model.js';
import type { JournalEntry } from '../src/state/journal-entry.js';
import { JOURNAL_BODY_LIMIT, createJournal, redactHeaders } from '../src/state/journal.js';

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

  it('cuts a long body and says so', async () => {
    const journal = createJournal();
    journal.add(entry('x'.repeat(JOURNAL_BODY_LIMIT + 10)), { status: 'unsigned' });
    const [kept] = await journal.entries();
    expect(kept?.request.body).toHaveLength(JOURNAL_BODY_LIMIT);
    expect(kept?.request.bodyCut).toBe(true);
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
