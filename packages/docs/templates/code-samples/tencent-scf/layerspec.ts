// npm install {{clientPackage}}
import { createScfClient } from '{{clientPackage}}';

const scf = createScfClient({
  region: 'ap-guangzhou',
  credentials: { secretId: '{{mockId}}', secretKey: '{{mockSecret}}' },
  endpoint: '{{mockUrl}}', // the local mock; leave out for the real API
});

const answer = await scf.{{clientMethod}}({{input}});
console.log(answer);
