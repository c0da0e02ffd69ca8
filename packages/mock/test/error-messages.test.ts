// Messages name the rule the spec declares, in the provider's own wording: the type from the
// spec, the pattern Lambda quotes, and Tencent's message form from its own example.
import { describe, expect, it } from 'vitest';
import { useBothMocks } from './both-mocks.js';
import { AWS_HEADERS, TENCENT_HEADERS, specExamples } from './spec-examples.js';

const mocks = useBothMocks();

const exampleMessage = (provider: 'aws-lambda' | 'tencent-scf', name: string): string => {
  const value = specExamples(provider).find((example) => example.name === name)!.value;
  return provider === 'aws-lambda' ? value.message : value.Response.Error.Message;
};
const tencentError = async (headers: Record<string, string>, body: string) =>
  (await (await fetch(mocks.tencent.url, { method: 'POST', headers: { ...TENCENT_HEADERS, ...headers }, body })).json()).Response.Error;

describe('AWS Lambda', () => {
  it("quotes Lambda's own LayerName pattern, as the spec's example does, not the anchored one", async () => {
    const response = await fetch(`${mocks.aws.url}/2018-10-31/layers/my%20layer/versions/1`, { headers: AWS_HEADERS });
    const message: string = (await response.json()).message;
    expect(message).toBe(exampleMessage('aws-lambda', 'invalid-parameter-value'));
    expect(message).not.toContain('^');
  });
});

describe('Tencent SCF', () => {
  it('names the type the spec declares for X-TC-Timestamp (Integer)', async () => {
    const error = await tencentError({ 'x-tc-timestamp': 'abc' }, '{"LayerName":"layer3","LayerVersion":1}');
    expect(error).toEqual({ Code: 'InvalidParameter', Message: 'The type of parameter `X-TC-Timestamp` must be Integer.' });
  });

  it('answers a LayerName that breaks the pattern with the message of its own example', async () => {
    const error = await tencentError({}, '{"LayerName":"my layer","LayerVersion":1}');
    expect(error).toEqual({ Code: 'InvalidParameterValue', Message: exampleMessage('tencent-scf', 'invalid-parameter-value') });
  });

  it('words other broken rules in the same form as that example', async () => {
    const error = await tencentError({}, JSON.stringify({ LayerName: 'a'.repeat(65), LayerVersion: 1 }));
    expect(error).toEqual({
      Code: 'InvalidParameterValue',
      Message: 'The value of parameter `LayerName` does not match the rule; it must be at most 64 characters long.',
    });
  });
});
