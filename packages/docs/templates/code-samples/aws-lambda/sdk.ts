// The official AWS SDK: npm install {{sdkPackage}}
import { {{operationId}}Command, LambdaClient } from '{{sdkPackage}}';

const lambda = new LambdaClient({
  region: 'us-east-1',
  credentials: { accessKeyId: '{{mockId}}', secretAccessKey: '{{mockSecret}}' },
  endpoint: '{{mockUrl}}', // the local mock; leave out for the real API
});

const answer = await lambda.send(new {{operationId}}Command({{input}}));
console.log(answer);
