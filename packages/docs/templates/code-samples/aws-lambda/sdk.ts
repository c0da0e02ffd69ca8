// The official AWS SDK: npm install {{sdkPackage}}
import { GetLayerVersionCommand, LambdaClient } from '{{sdkPackage}}';

const lambda = new LambdaClient({
  region: 'us-east-1',
  credentials: { accessKeyId: '{{mockId}}', secretAccessKey: '{{mockSecret}}' },
  endpoint: '{{mockUrl}}', // the local mock; leave out for the real API
});

const layer = await lambda.send(new GetLayerVersionCommand({ LayerName: {{LayerName}}, VersionNumber: {{VersionNumber}} }));
console.log(layer.Version, layer.Content?.CodeSha256);
