// The status of a layer version in one vocabulary. Each provider's own values map onto it one to
// one, so no state is lost; a test keeps each table in step with its spec's enum.

import type { layerStatuses } from './generated/mapping.js';

/** Where a layer version stands. */
export type LayerStatus = (typeof layerStatuses)[number];

/** Each provider's status values, for the providers whose answer carries a status. */
export const statusTables = {
  'tencent-scf': {
    Active: 'available',
    Publishing: 'publishing',
    PublishFailed: 'publish-failed',
    Deleting: 'deleting',
    DeleteFailed: 'delete-failed',
    Deleted: 'deleted',
  },
} as const satisfies Readonly<Record<string, Readonly<Record<string, LayerStatus>>>>;

/**
 * The status of an answer with no status field: AWS answers GetLayerVersion only for a version
 * that is published and not deleted, so its answer is always an available version.
 */
export const statusWithoutField: LayerStatus = 'available';
