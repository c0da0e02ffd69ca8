// The program the size budget measures (.size-limit.json): create a client and call
// getLayerVersion once, through the package's browser entry.
import { createLambdaClient } from '@layerspec/aws-lambda';

const client = createLambdaClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET' } });
client.getLayerVersion({ LayerName: 'my-layer', VersionNumber: 1 }).then(console.log, console.error);
