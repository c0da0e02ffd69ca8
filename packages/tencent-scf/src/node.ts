// The Node entry point (`@layerspec/tencent-scf/node`): `downloadLayerVersion(client, output, { to })`
// writes a verified layer archive to disk through a temporary file and a rename. Kept out of the
// main entry, which must run wherever fetch runs.
export { downloadToFile as downloadLayerVersion, type DownloadToOptions } from '@layerspec/client-runtime/node';
