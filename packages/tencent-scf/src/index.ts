export type { components, operations, paths } from './generated/tencent-scf.js';
