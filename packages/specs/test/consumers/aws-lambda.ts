// A program written as other teams use @layerspec/aws-lambda's generated types: it reads fields of
// the answer and switches exhaustively over an answer enum. tools/spec-diff/consumers.mjs compiles
// it against the types of a released spec and of the current one: if only the first compiles, the
// spec change breaks consumers like it.
import type { components, operations } from '../../../aws-lambda/src/generated/aws-lambda.js';

type LayerVersion = operations['GetLayerVersion']['responses'][200]['content']['application/json'];
type Architecture = components['schemas']['Architecture'];

function architectureLabel(architecture: Architecture): string {
  switch (architecture) {
    case 'x86_64':
      return 'Intel/AMD 64-bit';
    case 'arm64':
      return 'Graviton';
    default: {
      const unknown: never = architecture;
      return unknown;
    }
  }
}

export function describeLayerVersion(layer: LayerVersion): string {
  const architectures = (layer.CompatibleArchitectures ?? []).map(architectureLabel).join(', ');
  const runtimes = (layer.CompatibleRuntimes ?? []).join(', ');
  const size: number | undefined = layer.Content?.CodeSize;
  return [layer.LayerVersionArn, layer.Version, layer.Description, layer.CreatedDate, layer.LicenseInfo, runtimes, architectures, size].join(' ');
}
