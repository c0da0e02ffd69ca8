// The committed generated files (types, input rules, response schema) match the spec.
import { resolve } from 'node:path';
import { describeGeneratedFiles } from '../../client-runtime/testing/drift.js';

describeGeneratedFiles('aws-lambda', resolve(import.meta.dirname, '../src/generated'));
