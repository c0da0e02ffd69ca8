// @ts-check
// Our AWS Lambda client.
import { createLambdaClient } from '@layerspec/aws-lambda';
import { AWS_CREDENTIALS, AWS_LAYER } from '../lib/fixtures.mjs';

/** @param {string | undefined} endpoint */
export function createCall(endpoint) {
  const client = createLambdaClient({ region: 'us-east-1', credentials: AWS_CREDENTIALS, ...(endpoint ? { endpoint } : {}) });
  return () => client.getLayerVersion(AWS_LAYER);
}
