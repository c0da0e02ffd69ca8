// The official AWS SDK, unchanged but for its endpoint, against the AWS Lambda mock: parsed
// output for every success scenario, the SDK's own exception for every error scenario.
import * as lambda from '@aws-sdk/client-lambda';
import { GetLayerVersionCommand, LambdaClient, LambdaServiceException, ListLayerVersionsCommand } from '@aws-sdk/client-lambda';
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

/** The SDK's command of each operation of the spec, with a valid input. */
const COMMANDS: Record<string, () => GetLayerVersionCommand | ListLayerVersionsCommand> = {
  GetLayerVersion: () => new GetLayerVersionCommand({ LayerName: 'my-layer', VersionNumber: 1 }),
  ListLayerVersions: () => new ListLayerVersionsCommand({ LayerName: 'my-layer' }),
};

/** A command of an operation that asks the mock for one scenario, through the SDK's own middleware stack. */
function commandFor(operation: string, prefer?: string): GetLayerVersionCommand | ListLayerVersionsCommand {
  // One operation's type for the middleware stack: each command's stack takes the same build step.
  const command = COMMANDS[operation]!() as GetLayerVersionCommand;
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

const send = (command: GetLayerVersionCommand | ListLayerVersionsCommand) => client.send(command as GetLayerVersionCommand);

describe('official AWS SDK against the AWS Lambda mock', () => {
  it('reads at least one success and one error scenario of every operation from the spec, and has a command for each', () => {
    expect(Object.keys(COMMANDS).sort()).toEqual([...new Set(examples.map((example) => example.operation))].sort());
    expect(examples.some((example) => example.status === 200)).toBe(true);
    expect(examples.some((example) => example.status >= 400)).toBe(true);
  });

  for (const example of examples.filter((candidate) => candidate.status < 300)) {
    it(`parses the success scenario ${example.name} of ${example.operation}`, async () => {
      const { $metadata, ...output } = await send(commandFor(example.operation, `example=${example.name}`));
      expect($metadata.httpStatusCode).toBe(example.status);
      expect($metadata.requestId).toBeTruthy();
      expect(output).toEqual(example.value);
    });
  }

  for (const example of examples.filter((candidate) => candidate.status >= 400)) {
    it(`throws the SDK's exception for the error scenario ${example.name} of ${example.operation}`, async () => {
      const name = awsErrorName(document, example);
      const error = await send(commandFor(example.operation, `example=${example.name}`)).then(
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
      const error = await send(commandFor(example!.operation, `example=${example!.name}`)).catch((caught) => caught);
      expect(error).toBeInstanceOf((lambda as unknown as Record<string, new () => Error>)[name]);
    }
  });

  it('routes a layer ARN as LayerName (the SDK percent-encodes it) and answers 200', async () => {
    const output = await client.send(new GetLayerVersionCommand({ LayerName: 'arn:aws:lambda:us-west-2:123456789012:layer:my-layer', VersionNumber: 1 }));
    expect(output.$metadata.httpStatusCode).toBe(200);
    expect(output.LayerVersionArn).toBeTruthy();
  });

  it('answers a LayerName that breaks the pattern with InvalidParameterValueException naming it', async () => {
    const error = await client.send(new GetLayerVersionCommand({ LayerName: 'my$layer', VersionNumber: 1 })).catch((caught) => caught);
    expect(error).toBeInstanceOf(lambda.InvalidParameterValueException);
    expect(error.message).toContain("at 'layerName' failed to satisfy constraint: Member must satisfy regular expression pattern");
  });

  it('answers version 0 with InvalidParameterValueException naming versionNumber and its minimum', async () => {
    const error = await client.send(new GetLayerVersionCommand({ LayerName: 'my-layer', VersionNumber: 0 })).catch((caught) => caught);
    expect(error).toBeInstanceOf(lambda.InvalidParameterValueException);
    expect(error.message).toContain("Value '0' at 'versionNumber' failed to satisfy constraint: Member must have value greater than or equal to 1");
  });

  it('answers MaxItems above 50 with InvalidParameterValueException naming maxItems and its maximum', async () => {
    const error = await client.send(new ListLayerVersionsCommand({ LayerName: 'my-layer', MaxItems: 51 })).catch((caught) => caught);
    expect(error).toBeInstanceOf(lambda.InvalidParameterValueException);
    expect(error.message).toContain("Value '51' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 50");
  });
});
