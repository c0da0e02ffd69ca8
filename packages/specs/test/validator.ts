// A JSON Schema 2020-12 validator (Ajv) for the schemas of a bundled OpenAPI 3.1 document.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsImport from 'ajv-formats';
import type { ApiName, Json } from './bundles.js';

const addFormats = addFormatsImport as unknown as (ajv: Ajv2020) => Ajv2020;

// OpenAPI keywords and our vendor extensions: known, carried along, not validated.
const annotationKeywords = [
  'components',
  'example',
  'discriminator',
  'xml',
  'externalDocs',
  'x-layerspec-concept',
  'x-layerspec-concepts',
  'x-layerspec-provider-pattern',
  'x-layerspec-errors',
  'x-layerspec-encoding',
  'x-layerspec-date',
];

export function createValidator(api: ApiName, doc: Json) {
  const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addVocabulary(annotationKeywords);
  const id = `https://layerspec.invalid/${api}.json`;
  ajv.addSchema({ $id: id, components: { schemas: doc.components.schemas } });
  /** Compiles a schema object taken from the document (it may hold $refs) once, for many values. */
  const compile = (schema: Json) => {
    const check = ajv.compile({ $id: `${id}/check-${Math.random()}`, ...rebase(schema, id) });
    return (value: unknown): string[] => (check(value) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`));
  };
  return {
    compile,
    /** Validates `value` against a schema object taken from the document (it may hold $refs). */
    validate(schema: Json, value: unknown): string[] {
      return compile(schema)(value);
    },
  };
}

/** Points local refs of an inline schema at the registered document. */
function rebase(schema: Json, id: string): Json {
  return JSON.parse(JSON.stringify(schema), (key, value) => (key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? id + value : value));
}
