// @ts-check
// The official AWS SDK v3 client, used the way its README shows.
import { GetLayerVersionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { AWS_CREDENTIALS, AWS_LAYER } from '../lib/fixtures.mjs';

/** @param {string | undefined} endpoint */
export function createCall(endpoint) {
  const client = new LambdaClient({ region: 'us-east-1', credentials: AWS_CREDENTIALS, ...(endpoint ? { endpoint } : {}) });
  return () => client.send(new GetLayerVersionCommand(AWS_LAYER));
}
