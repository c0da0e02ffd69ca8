// Whether a value written to an answer keeps the rules the generated mapping carries from the
// spec (a string's pattern, length and format; an integer's bounds; an array's length and its
// items' enum or pattern), so fromLayerVersion writes only answers the spec accepts.
import type { ValueRule } from '@layerspec/specs/model';
import { shown } from './shown.js';

/**
 * The rules of one output, as the generated mapping gives them: the model's value rules, with
 * an array's item rules flattened to `items*`.
 */
export type OutputRules = Pick<ValueRule, 'format' | 'pattern' | 'minLength' | 'maxLength' | 'minimum' | 'maximum' | 'maxItems'> & {
  readonly itemsEnum?: readonly string[];
  readonly itemsPattern?: string;
  readonly itemsMaxLength?: number;
};

/** JSON Schema counts a string's length in code points, not UTF-16 units. */
const lengthOf = (text: string) => [...text].length;

function stringBreaks(text: string, rules: OutputRules): string | undefined {
  if (rules.pattern !== undefined && !new RegExp(rules.pattern, 'u').test(text)) return `${shown(text)} does not match the pattern ${rules.pattern}`;
  if (rules.minLength !== undefined && lengthOf(text) < rules.minLength) return `${shown(text)} is shorter than ${rules.minLength} characters`;
  if (rules.maxLength !== undefined && lengthOf(text) > rules.maxLength) return `${shown(text)} is longer than ${rules.maxLength} characters`;
  if (rules.format === 'uri' && !URL.canParse(text)) return `${shown(text)} is not a URL (format uri)`;
  return undefined;
}

function itemBreaks(item: string, rules: OutputRules): string | undefined {
  if (rules.itemsEnum?.includes(item)) return undefined;
  const free = rules.itemsPattern !== undefined || rules.itemsMaxLength !== undefined;
  if (rules.itemsEnum !== undefined && !free) return `${shown(item)} is not one of ${rules.itemsEnum.join(', ')}`;
  const broken = stringBreaks(item, { pattern: rules.itemsPattern, maxLength: rules.itemsMaxLength });
  return broken === undefined || rules.itemsEnum === undefined ? broken : `${shown(item)} is not one of the listed values, and ${broken}`;
}

/**
 * The first rule a written value breaks, said in words; undefined when it keeps them all.
 * @param at the value's own field, to name an item of an array (`runtimes`)
 */
export function ruleBroken(value: unknown, rules: OutputRules, at: string): { field: string; rule: string } | undefined {
  if (typeof value === 'string') {
    const rule = stringBreaks(value, rules);
    return rule === undefined ? undefined : { field: at, rule };
  }
  if (typeof value === 'number') {
    if (rules.minimum !== undefined && BigInt(value) < BigInt(rules.minimum)) return { field: at, rule: `${value} is below the minimum ${rules.minimum}` };
    if (rules.maximum !== undefined && BigInt(value) > BigInt(rules.maximum)) return { field: at, rule: `${value} is above the maximum ${rules.maximum}` };
    return undefined;
  }
  if (Array.isArray(value)) {
    if (rules.maxItems !== undefined && value.length > rules.maxItems)
      return { field: at, rule: `has ${value.length} items, more than the ${rules.maxItems} the spec allows` };
    for (const [i, item] of value.entries()) {
      const rule = typeof item === 'string' ? itemBreaks(item, rules) : `${shown(item)} is not a string`;
      if (rule !== undefined) return { field: `${at}[${i}]`, rule };
    }
  }
  return undefined;
}
