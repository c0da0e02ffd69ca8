// @ts-check
// The official Tencent Cloud SDK for SCF, used the way its README shows.
import { scf } from 'tencentcloud-sdk-nodejs-scf';
import { SCF_CREDENTIALS, SCF_LAYER } from '../lib/fixtures.mjs';

/** @param {string | undefined} endpoint */
export function createCall(endpoint) {
  const url = endpoint ? new URL(endpoint) : undefined;
  const client = new scf.v20180416.Client({
    credential: SCF_CREDENTIALS,
    region: 'ap-guangzhou',
    // The SDK takes host[:port] and the protocol apart.
    profile: url ? { httpProfile: { endpoint: url.host, protocol: `${url.protocol}//` } } : {},
  });
  return () => client.GetLayerVersion(SCF_LAYER);
}
