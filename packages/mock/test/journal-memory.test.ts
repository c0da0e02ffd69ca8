// What the journal holds of large requests, and where a presigned request's secrets end up: the
// mock reads bodies of up to 10 MB, and its journal must not keep them until someone reads it.
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../src/index.js';
import { JOURNAL_BODY_LIMIT } from '../src/state/journal.js';
import { AWS_HEADERS } from './spec-examples.js';

// A collection on demand, so that what the heap still holds is what the mock keeps alive.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heldBytes = () => {
  gc();
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external + usage.arrayBuffers;
};

let aws: RunningMock;

beforeAll(async () => {
  aws = await startMock({ provider: 'aws-lambda' });
});
afterAll(async () => {
  await aws.close();
});

describe('the journal of large requests', () => {
  it('keeps 64 KiB of each, not the 8 MB it received', async () => {
    const body = 'x'.repeat(8 * 1024 * 1024);
    const before = heldBytes();
    for (let i = 0; i < 24; i++) {
      const answer = await fetch(`${aws.url}/2018-10-31/layers/a/versions/1`, { method: 'POST', headers: { ...AWS_HEADERS, 'content-type': 'text/plain' }, body });
      await answer.arrayBuffer();
    }
    const grown = heldBytes() - before;
    // 24 whole bodies are 192 MB as bytes and more as strings; 24 cut ones about 3 MB.
    expect(grown).toBeLessThan(40 * 1024 * 1024);
    const entries = await aws.requests();
    expect(entries).toHaveLength(24);
    for (const entry of entries) {
      expect(entry.request.body).toHaveLength(JOURNAL_BODY_LIMIT);
      expect(entry.request.bodyCut).toBe(true);
    }
  });

  it("keeps no secret of a presigned request's URL, in the journal or its HAR", async () => {
    await fetch(
      `${aws.url}/2018-10-31/layers/a/versions/1?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIASECRETKEYID%2F20260101%2Fus-east-1%2Flambda%2Faws4_request&X-Amz-Security-Token=TOKENSECRET&X-Amz-Signature=SIGNATURESECRET`,
      { headers: { cookie: 'session=COOKIESECRET' } },
    );
    const journal = JSON.stringify(await aws.requests());
    const har = JSON.stringify(await aws.har());
    for (const secret of ['AKIASECRETKEYID', 'TOKENSECRET', 'SIGNATURESECRET', 'COOKIESECRET']) {
      expect(journal).not.toContain(secret);
      expect(har).not.toContain(secret);
    }
    expect(har).toContain('"name":"X-Amz-Signature","value":"[redacted]"');
  });
});
