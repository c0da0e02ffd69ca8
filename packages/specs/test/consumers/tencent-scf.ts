// A program written as other teams use @layerspec/tencent-scf's generated types: it reads fields of
// the answer and switches exhaustively over the layer's status. tools/spec-diff/consumers.mjs
// compiles it against the types of a released spec and of the current one: if only the first
// compiles, the spec change breaks consumers like it.
import type { components, operations } from '../../../tencent-scf/src/generated/tencent-scf.js';

type Envelope = operations['GetLayerVersion']['responses'][200]['content']['application/json'];
type Status = components['schemas']['LayerVersionStatus'];

function isUsable(status: Status): boolean {
  switch (status) {
    case 'Active':
      return true;
    case 'Publishing':
    case 'PublishFailed':
    case 'Deleting':
    case 'DeleteFailed':
    case 'Deleted':
      return false;
    default: {
      const unknown: never = status;
      return unknown;
    }
  }
}

export function describeLayerVersion({ Response: response }: Envelope): string {
  if ('Error' in response) return `${response.Error.Code}: ${response.Error.Message} (${response.RequestId})`;
  const name: string = response.LayerName;
  const version: number = response.LayerVersion;
  const details: string[] = [response.Description, response.LicenseInfo, response.AddTime, response.CodeSha256, response.Location];
  return [name, version, isUsable(response.Status), ...response.CompatibleRuntimes, ...details].join(' ');
}
