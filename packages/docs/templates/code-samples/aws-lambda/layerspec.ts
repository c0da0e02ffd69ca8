// npm install {{clientPackage}}
import { createLambdaClient } from '{{clientPackage}}';

const lambda = createLambdaClient({
  region: 'us-east-1',
  credentials: { accessKeyId: '{{mockId}}', secretAccessKey: '{{mockSecret}}' },
  endpoint: '{{mockUrl}}', // the local mock; leave out for the real API
});

const answer = await lambda.{{clientMethod}}({{input}});
console.log(answer);
