export type { components, operations, paths } from './generated/aws-lambda.js';
