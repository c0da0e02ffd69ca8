// @ts-check
// The providers as the specs name them, read from the generated model (@layerspec/specs/model):
// a display name typed here would drift from the spec's.
import { models } from '@layerspec/specs/model';

/** @typedef {'aws-lambda' | 'tencent-scf'} Api */

/** Every API of the model, in the model's order. */
export const APIS = /** @type {Api[]} */ (Object.keys(models));

/** The provider's display name, as the spec's info.x-layerspec-provider states it. @param {string} api */
export function providerName(api) {
  const model = /** @type {Record<string, import('@layerspec/specs/model').ApiModel>} */ (models)[api];
  if (!model) throw new Error(`@layerspec/specs/model has no API "${api}"`);
  return model.provider.name;
}
