// Test helpers both clients share: a recording fake fetch, JSON answers, and the bundled spec
// read the way other teams read it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export type Answer = Response | Error | ((request: Request) => Response | Promise<Response>);

/** A fetch that answers from a list (the last answer repeats) and records every request. */
export function fakeFetch(...answers: Answer[]) {
  const requests: Request[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    requests.push(request);
    const answer = answers[Math.min(requests.length - 1, answers.length - 1)]!;
    if (answer instanceof Error) throw answer;
    if (typeof answer === 'function') return answer(request);
    return answer.clone();
  };
  return { fetch, requests };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** The bundled spec of an API from @layerspec/specs' dist, and a $ref follower for it. */
export function loadBundledSpec(api: 'aws-lambda' | 'tencent-scf') {
  const spec = JSON.parse(readFileSync(resolve(import.meta.dirname, `../../specs/dist/${api}.json`), 'utf8'));
  const deref = <T = any>(node: any): T => {
    while (node && typeof node.$ref === 'string') {
      node = node.$ref
        .slice(2)
        .split('/')
        .reduce((at: any, key: string) => at[key], spec);
    }
    return node;
  };
  return { spec, deref };
}

// Captured before any test fakes timers.
const realSetTimeout = globalThis.setTimeout;

/** Real event-loop turns until `condition` holds (signing uses Web Crypto, which no fake timer drives). */
export async function until(condition: () => boolean, turns = 3000): Promise<void> {
  for (let i = 0; i < turns && !condition(); i++) await new Promise((resolve) => realSetTimeout(resolve, 1));
}

/** Fires fake timers as they appear until `promise` settles; returns its outcome. */
export async function drain<T>(promise: Promise<T>, runPending: () => Promise<unknown>, timerCount: () => number): Promise<T> {
  let done = false;
  const settled = promise.finally(() => {
    done = true;
  });
  while (!done) {
    await until(() => done || timerCount() > 0);
    if (!done) await runPending();
  }
  return settled;
}

/** A fetch answer that never comes; like real fetch it rejects when the request's signal aborts. */
export function hang(request: Request): Promise<Response> {
  return new Promise((_, reject) => {
    if (request.signal.aborted) reject(request.signal.reason);
    request.signal.addEventListener('abort', () => reject(request.signal.reason));
  });
}
