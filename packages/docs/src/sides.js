// @ts-check
// What the docs say about each API's provider. The spec states the display name, the short label
// and the mock's port (read from its generated model, @layerspec/specs/model); providers.json
// adds only what belongs to the layerspec packages around it (client, SDK, mock test keys).

/**
 * @param {import('@layerspec/specs/model').ApiModel} model
 * @param {{ mockCredentials: { id: string, secret: string }, clientPackage: string, sdkPackage: string }} packages
 */
export function providerFacts(model, packages) {
  const label = model.provider.label;
  if (!model.provider.name || !label) throw new Error(`the ${model.api} model names no provider name or label`);
  return { name: model.provider.name, label, provider: { ...packages, label, mockPort: model.mock.defaultPort } };
}
