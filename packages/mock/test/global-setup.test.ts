// The globalSetup recipe of the README works: the mocks it starts are reachable through inject().
import { describe, expect, inject, it } from 'vitest';
import { AWS_HEADERS, TENCENT_HEADERS } from './spec-examples.js';

describe('vitest globalSetup recipe', () => {
  it('provides the URL of a running AWS Lambda mock', async () => {
    const response = await fetch(`${inject('awsLambdaUrl')}/2018-10-31/layers/my-layer/versions/1`, { headers: AWS_HEADERS });
    expect(response.status).toBe(200);
  });

  it('provides the URL of a running Tencent SCF mock', async () => {
    const response = await fetch(inject('tencentScfUrl'), {
      method: 'POST',
      headers: TENCENT_HEADERS,
      body: JSON.stringify({ LayerName: 'layer3', LayerVersion: 1 }),
    });
    expect((await response.json()).Response.Status).toBe('Active');
  });
});
