// The official AWS SDK, unchanged but for its endpoint, against the AWS Lambda mock: parsed
// output for every success scenario, the SDK's own exception for every error scenario.
import * as lambda from '@aws-sdk/client-lambda';
import { GetLayerVersionCommand, LambdaClient, LambdaServiceException } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../src/index.js';
import { awsErrorName, readBundle, specExamples } from './spec-examples.js';

const document = readBundle('aws-lambda');
const examples = specExamples('aws-lambda');
let mock: RunningMock;
let client: LambdaClient;

beforeAll(async () => {
  mock = await startMock({ provider: 'aws-lambda' });
  client = new LambdaClient({
    endpoint: mock.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  client.destroy();
  await mock.close();
});

/** A command that asks the mock for one scenario, through the SDK's own middleware stack. */
function commandFor(input: lambda.GetLayerVersionCommandInput, prefer?: string): GetLayerVersionCommand {
  const command = new GetLayerVersionCommand(input);
  if (prefer) {
    command.middlewareStack.add(
      (next) => async (args) => {
        (args.request as { headers: Record<string, string> }).headers.prefer = prefer;
        return next(args);
      },
      { step: 'build', name: 'preferScenario' },
    );
  }
  return command;
}

describe('official AWS SDK against the AWS Lambda mock', () => {
  it('reads at least one success and one error scenario from the spec', () => {
    expect(examples.some((example) => example.status === 200)).toBe(true);
    expect(examples.some((example) => example.status >= 400)).toBe(true);
  });

  for (const example of examples.filter((candidate) => candidate.status < 300)) {
    it(`parses the success scenario ${example.name}`, async () => {
      const { $metadata, ...output } = await client.send(commandFor({ LayerName: 'my-layer', VersionNumber: 1 }, `example=${example.name}`));
      expect($metadata.httpStatusCode).toBe(example.status);
      expect($metadata.requestId).toBeTruthy();
      expect(output).toEqual(example.value);
    });
  }

  for (const example of examples.filter((candidate) => candidate.status >= 400)) {
    it(`throws the SDK's exception for the error scenario ${example.name}`, async () => {
      const name = awsErrorName(document, example);
      const error = await client.send(commandFor({ LayerName: 'my-layer', VersionNumber: 1 }, `example=${example.name}`)).then(
        () => undefined,
        (caught: unknown) => caught as LambdaServiceException,
      );
      expect(error).toBeInstanceOf(LambdaServiceException);
      expect(error!.name).toBe(name);
      expect(error!.$metadata.httpStatusCode).toBe(example.status);
      expect(error!.message).toBe(example.value.message ?? example.value.Message);
      // Where the SDK models the error, it throws that very class (ResourceNotFoundException, ...).
      const modelled = (lambda as unknown as Record<string, unknown>)[name];
      if (typeof modelled === 'function') expect(error).toBeInstanceOf(modelled);
    });
  }

  it('throws the modelled classes for the operation errors', async () => {
    for (const name of ['InvalidParameterValueException', 'ResourceNotFoundException', 'TooManyRequestsException', 'ServiceException']) {
      const example = examples.find((candidate) => candidate.status >= 400 && awsErrorName(document, candidate) === name);
      expect(example, `the spec has an example for ${name}`).toBeDefined();
      const error = await client.send(commandFor({ LayerName: 'my-layer', VersionNumber: 1 }, `example=${example!.name}`)).catch((caught) => caught);
      expect(error).toBeInstanceOf((lambda as unknown as Record<string, new () => Error>)[name]);
    }
  });

  it('routes a layer ARN as LayerName (the SDK percent-encodes it) and answers 200', async () => {
    const output = await client.send(commandFor({ LayerName: 'arn:aws:lambda:us-west-2:123456789012:layer:my-layer', VersionNumber: 1 }));
    expect(output.$metadata.httpStatusCode).toBe(200);
    expect(output.LayerVersionArn).toBeTruthy();
  });

  it('answers a LayerName that breaks the pattern with InvalidParameterValueException naming it', async () => {
    const error = await client.send(commandFor({ LayerName: 'my$layer', VersionNumber: 1 })).catch((caught) => caught);
    expect(error).toBeInstanceOf(lambda.InvalidParameterValueException);
    expect(error.message).toContain("at 'layerName' failed to satisfy constraint: Member must satisfy regular expression pattern");
  });

  it('answers version 0 with InvalidParameterValueException naming versionNumber and its minimum', async () => {
    const error = await client.send(commandFor({ LayerName: 'my-layer', VersionNumber: 0 })).catch((caught) => caught);
    expect(error).toBeInstanceOf(lambda.InvalidParameterValueException);
    expect(error.message).toContain("Value '0' at 'versionNumber' failed to satisfy constraint: Member must have value greater than or equal to 1");
  });
});
