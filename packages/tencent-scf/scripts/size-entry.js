// The program the size budget measures (.size-limit.json): create a client and call
// getLayerVersion once, through the package's browser entry.
import { createScfClient } from '@layerspec/tencent-scf';

const client = createScfClient({ region: 'ap-guangzhou', credentials: { secretId: 'AKID', secretKey: 'SECRET' } });
client.getLayerVersion({ LayerName: 'layer3', LayerVersion: 1 }).then(console.log, console.error);
