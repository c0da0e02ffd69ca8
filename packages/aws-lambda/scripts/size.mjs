#!/usr/bin/env node
// `npm run size`: this client's entry of .size-limit.json (create a client, call getLayerVersion
// once; gzipped), measured by size-limit against its budget. Exits 1 when over budget.
import { measurePackage } from '../../client-runtime/testing/bundle-size.mjs';

const { name, size, sizeLimit, passed } = await measurePackage('@layerspec/aws-lambda');
console.log(`${name}: ${size} bytes gzipped, budget ${sizeLimit} bytes (.size-limit.json): ${passed ? 'within' : 'OVER'}`);
if (!passed) process.exitCode = 1;
