#!/usr/bin/env node
// The layerspec-mock command, loaded by bin/layerspec-mock.js; the logic is in cli-main.ts so tests can import it.
import { main } from './cli-main.js';

await main(process.argv.slice(2));
