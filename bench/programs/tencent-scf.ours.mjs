// @ts-check
// Our Tencent Cloud SCF client.
import { createScfClient } from '@layerspec/tencent-scf';
import { SCF_CREDENTIALS, SCF_LAYER } from '../lib/fixtures.mjs';

/** @param {string | undefined} endpoint */
export function createCall(endpoint) {
  const client = createScfClient({ region: 'ap-guangzhou', credentials: SCF_CREDENTIALS, ...(endpoint ? { endpoint } : {}) });
  return () => client.getLayerVersion(SCF_LAYER);
}
