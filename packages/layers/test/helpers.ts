// The spec's named success examples, as each client returns them (the result, out of Tencent's envelope).
import { type ApiModel, models } from '@layerspec/specs/model';
import type { Answers, Provider } from '../src/index.js';

export function successExamples<P extends Provider>(provider: P): Map<string, Answers[P]> {
  const model = models[provider] as ApiModel;
  const result = (value: unknown) => model.result.reduce((inner, key) => (inner as Record<string, unknown>)[key], value) as Answers[P];
  return new Map(model.scenarios.filter((s) => s.outcome === 'success').map((s) => [s.name, result(s.value)]));
}

export function example<P extends Provider>(provider: P, name: string): Answers[P] {
  const answer = successExamples(provider).get(name);
  if (answer === undefined) throw new Error(`the ${provider} spec has no success example named ${name}`);
  return answer;
}
