// The operations the neutral calls use, found in the generated mapping by role: the one that
// reads one layer version (getLayerVersion) and the one that lists a layer's versions
// (listLayerVersions). The generator chose them by the concepts of their inputs and outputs.
import { mapping } from './generated/mapping.js';
import { shown } from './shown.js';

/** A provider this package maps. */
export type Provider = keyof typeof mapping;

type Operations<P extends Provider> = (typeof mapping)[P]['operations'];

/** The mapping of one operation of any provider. */
export type OperationMapping = { [P in Provider]: Operations<P>[keyof Operations<P>] }[Provider];

/** The mapping of one output onto a neutral field, of any operation. */
export type FieldMapping = OperationMapping['fields'][number];

/** What the neutral calls need of an operation. */
export type Role = 'getLayerVersion' | 'listLayerVersions';

/** For each provider, the mapping of the operation getLayerVersion uses. */
export type GetMappings = { [P in Provider]: Operations<P>[(typeof mapping)[P]['getLayerVersion']] };

/** For each provider, the operationId and the mapping of the operation listLayerVersions uses. */
export type ListMappings = { [P in Provider]: Operations<P>[(typeof mapping)[P]['listLayerVersions']] & { readonly id: (typeof mapping)[P]['listLayerVersions'] } };

/** A mapped operation as the conversions read it, whichever provider and role. */
export interface MappedOperation {
  readonly id: string;
  readonly inputs: { readonly name?: string; readonly version?: string };
  /** For a list: the path of the list in the result. */
  readonly items?: readonly string[];
  readonly paging?: { readonly token: string; readonly next: readonly string[]; readonly size?: string; readonly sizeMaximum?: string };
  readonly fields: readonly FieldMapping[];
  readonly rawOnly: readonly { readonly from: string; readonly concept: string; readonly item?: boolean }[];
}

/** Throws the TypeError a caller gets for a provider this package does not map. */
export function checkProvider(provider: unknown): asserts provider is Provider {
  if (typeof provider !== 'string' || !Object.hasOwn(mapping, provider))
    throw new TypeError(`provider must be one of ${Object.keys(mapping).join(', ')}; got ${shown(provider)}`);
}

/** The operation of `role` on `provider`'s API; a TypeError when its spec has none. */
export function operationFor(provider: Provider, role: Role): MappedOperation {
  checkProvider(provider);
  const api = mapping[provider] as unknown as { readonly operations: Readonly<Record<string, Omit<MappedOperation, 'id'>>> } & { readonly [R in Role]?: string };
  const id = api[role];
  const operation = id === undefined ? undefined : api.operations[id];
  if (id === undefined || operation === undefined)
    throw new TypeError(`${provider}'s spec has no operation for ${role} (found by the concepts of its inputs and outputs)`);
  return { id, ...operation };
}
