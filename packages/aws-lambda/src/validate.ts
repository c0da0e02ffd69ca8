// Response validation against the spec's success schema. Loaded only when a client is created
// with `validateResponses: true`, so callers who do not ask for it do not download the schema.
import { findSchemaViolation } from '@layerspec/client-runtime/schema';
import { successSchema } from './generated/response-schema.js';

/** The first way `body` breaks the spec's success schema, or undefined. */
export function findViolation(body: unknown): string | undefined {
  return findSchemaViolation(successSchema, body);
}
