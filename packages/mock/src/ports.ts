// The ports the mocks take unless told otherwise. Kept apart from the server so that tools (the
// root `npm start`) can read them without loading Prism.
import type { Provider } from './spec.js';

export const DEFAULT_PORTS: Record<Provider, number> = { 'aws-lambda': 4010, 'tencent-scf': 4011 };
