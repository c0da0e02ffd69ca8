// The providers the mock serves: every API of the model the build copied (redocly.yaml's `apis:`).
import type { models } from '@layerspec/specs/model';
import { PROVIDER_LIST_PATH, readBuilt } from './model.js';

export type Provider = keyof typeof models;

export const PROVIDERS = readBuilt(PROVIDER_LIST_PATH) as readonly Provider[];

export function isProvider(value: unknown): value is Provider {
  return typeof value === 'string' && (PROVIDERS as readonly string[]).includes(value);
}
