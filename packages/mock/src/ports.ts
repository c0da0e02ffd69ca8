// The ports the mocks take unless told otherwise, as each spec states them (x-layerspec-mock).
// Kept apart from the server so that tools (the root `npm start`) can read them without loading Prism.
import { loadModel } from './model.js';
import { PROVIDERS, type Provider } from './spec.js';

export const DEFAULT_PORTS = Object.fromEntries(PROVIDERS.map((provider) => [provider, loadModel(provider).mock.defaultPort])) as Record<Provider, number>;
