// The format of a fixture file, as a JSON Schema: its members are the neutral fields of
// @layerspec/layers' LayerVersion, so the statuses and the shape of a runtime come from there.
// Values the specs bound (name patterns, lengths) are checked later, on each provider's answer.
import { layerStatuses } from '@layerspec/layers';
import { PROVIDERS } from '../providers.js';

const runtime = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { name: { type: 'string', minLength: 1 }, language: { type: 'string', minLength: 1 }, version: { type: 'string', minLength: 1 } },
} as const;

const archive = {
  type: 'object',
  additionalProperties: false,
  properties: {
    file: { type: 'string', minLength: 1 },
    base64: { type: 'string', contentEncoding: 'base64' },
    size: { type: 'integer', minimum: 0 },
    sha256: { type: 'string' },
    location: { type: 'string', format: 'uri' },
  },
  not: { required: ['file', 'base64'] },
} as const;

const fields = {
  description: { type: 'string' },
  license: { type: 'string' },
  createdAt: { type: 'string', format: 'date-time' },
  runtimes: { type: 'array', items: runtime },
  architectures: { type: 'array', items: { type: 'string' } },
  status: { enum: layerStatuses },
  /** AWS's version ARN, when given checked to be the one the name, version, Region and account make. */
  arn: { type: 'string', minLength: 1 },
  region: { type: 'string', minLength: 1 },
  account: { type: 'string', minLength: 1 },
  archive,
} as const;

const override = {
  type: 'object',
  additionalProperties: false,
  properties: { ...fields, answer: { type: 'object' } },
} as const;

export const FIXTURE_FILE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['layers'],
  properties: {
    region: fields.region,
    account: fields.account,
    layers: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'version'],
        properties: {
          name: { type: 'string', minLength: 1 },
          version: { type: 'integer', minimum: 0 },
          ...fields,
          // Each provider's overrides, under its name.
          ...Object.fromEntries(PROVIDERS.map((provider) => [provider, override])),
        },
      },
    },
  },
} as const;
