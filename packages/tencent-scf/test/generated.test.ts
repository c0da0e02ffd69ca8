// The committed generated files (types, input rules, response schema) match the spec.
import { resolve } from 'node:path';
import { describeGeneratedFiles } from '../../client-runtime/testing/drift.js';

describeGeneratedFiles('tencent-scf', resolve(import.meta.dirname, '../src/generated'));
