// Stands in for the two `openssl dgst` commands the curl samples sign with (a SHA-256 digest and
// an HMAC-SHA256 with `-macopt key:` or `hexkey:`), on node:crypto, so the samples' signing runs
// on a machine without the openssl program. Prints as openssl does: `<label>= <hex>`.
import { createHash, createHmac } from 'node:crypto';

const args = process.argv.slice(2);
if (args[0] !== 'dgst' || !args.includes('-sha256') || !args.includes('-hex')) {
  console.error(`openssl stand-in: only "dgst -sha256 [-mac HMAC -macopt key:|hexkey:] -hex" is known, got: ${args.join(' ')}`);
  process.exit(2);
}
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = Buffer.concat(chunks);
const macopt = args.includes('-mac') ? args[args.indexOf('-macopt') + 1] : undefined;
let digest;
if (macopt === undefined) digest = createHash('sha256').update(input).digest('hex');
else {
  const [kind, value = ''] = macopt.split(/:(.*)/s);
  if (kind !== 'key' && kind !== 'hexkey') {
    console.error(`openssl stand-in: -macopt must be key:<text> or hexkey:<hex>, got ${macopt}`);
    process.exit(2);
  }
  digest = createHmac('sha256', kind === 'hexkey' ? Buffer.from(value, 'hex') : Buffer.from(value))
    .update(input)
    .digest('hex');
}
console.log(`SHA2-256(stdin)= ${digest}`);
