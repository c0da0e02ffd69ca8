// The official Tencent Cloud SDK: npm install {{sdkPackage}}
import { scf } from '{{sdkPackage}}';

const client = new scf.v20180416.Client({
  credential: { secretId: '{{mockId}}', secretKey: '{{mockSecret}}' },
  region: 'ap-guangzhou',
  // the local mock; leave out for the real API
  profile: { httpProfile: { protocol: 'http://', endpoint: '{{mockHost}}' } },
});

const answer = await client.{{action}}({{input}});
console.log(answer);
