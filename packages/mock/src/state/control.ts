// The control API: JSON endpoints under a path no provider uses, on the mock's own port, to
// replace fixtures, reset, read the journal and set faults from any language. Its answers are the
// mock's own, in no provider's shape.
import type { Answer, ReceivedRequest } from '../answer.js';
import type { LoadedSpec } from '../spec.js';
import { MAX_JSON_DEPTH, scanJson } from '../json-bounds.js';
import { CONTROL_PREFIX, type ControlGuardOptions, refuseControlRequest } from './control-guard.js';
import { checkFaultRequest, type Fault } from './faults.js';
import { FixtureError, checkFixtureData } from './fixtures.js';
import { journalToHar } from './har.js';
import type { MockState } from './mock-state.js';

/** The endpoints, as `METHOD path`: what the help answer lists. */
export const CONTROL_ENDPOINTS = [
  'GET fixtures',
  'PUT fixtures',
  'POST reset',
  'GET requests',
  'GET requests.har',
  'DELETE requests',
  'GET faults',
  'POST faults',
  'DELETE faults',
] as const;

export function isControlRequest(url: string): boolean {
  return url.startsWith(CONTROL_PREFIX);
}

export interface ControlOptions {
  state: MockState;
  spec: LoadedSpec;
  /** Who may use the control API: the Host, Origin, token and content type it asks for. */
  guard: ControlGuardOptions;
}

/** The answer to a control request. */
export async function answerControl(request: ReceivedRequest, { state, spec, guard }: ControlOptions): Promise<Answer> {
  const refused = refuseControlRequest(request, guard);
  if (refused) return refused;
  const endpoint = `${request.method} ${(request.url.split('?')[0] ?? '').slice(CONTROL_PREFIX.length)}`;
  try {
    switch (endpoint) {
      case 'GET fixtures': {
        const fixtures = state.fixtures();
        return json(200, { mode: fixtures ? 'fixtures' : 'examples', fixtures: fixtures ?? null });
      }
      case 'PUT fixtures': {
        // Checked as a fixture set first: a JSON string must never be taken for a file path.
        // Checked as data: a JSON string is never taken for a file path, nor may an archive name a file.
        const count = state.setFixtures(checkFixtureData(readJson(request), 'PUT fixtures'), 'PUT fixtures');
        return json(200, { mode: 'fixtures', layers: count });
      }
      case 'POST reset':
        state.reset();
        return json(200, { reset: true });
      case 'GET requests':
        return json(200, await state.journal.entries());
      case 'GET requests.har':
        return json(200, journalToHar(await state.journal.entries()));
      case 'DELETE requests':
        state.journal.clear();
        return json(200, { cleared: true });
      case 'GET faults':
        return json(200, state.faults.list().map(shownFault));
      case 'POST faults':
        return json(201, shownFault(state.faults.add(checkFaultRequest(readJson(request), spec))));
      case 'DELETE faults':
        state.faults.clear();
        return json(200, { cleared: true });
      default:
        return json(404, { error: `No control endpoint ${endpoint}.`, endpoints: CONTROL_ENDPOINTS.map((entry) => entry.replace(' ', ` ${CONTROL_PREFIX}`)) });
    }
  } catch (error) {
    if (error instanceof FixtureError) return json(400, { error: error.message, source: error.source, entry: error.entry, rule: error.rule });
    if (error instanceof TypeError || error instanceof SyntaxError) return json(400, { error: error.message });
    // Nothing a caller sends may drop the connection: an error the checks above missed is the mock's own fault.
    return json(500, { error: `The mock failed on this control request: ${(error as Error).message}` });
  }
}

function readJson(request: ReceivedRequest): unknown {
  // One scan before parsing: the checks after the parse recurse, and a body nested thousands deep would overflow the stack.
  if (scanJson(request.body, { members: Number.POSITIVE_INFINITY, depth: MAX_JSON_DEPTH }).tooDeep) {
    throw new SyntaxError(`The body is nested deeper than ${MAX_JSON_DEPTH} levels; it was not read.`);
  }
  try {
    return JSON.parse(request.body);
  } catch (error) {
    throw new SyntaxError(`The body must be JSON: ${(error as Error).message}`);
  }
}

/** A fault as JSON shows it: `remaining` of a fault for all requests is "all", not Infinity. */
function shownFault(fault: Fault): Record<string, unknown> {
  return { ...fault, remaining: Number.isFinite(fault.remaining) ? fault.remaining : 'all' };
}

function json(status: number, body: unknown): Answer {
  return { status, headers: { 'content-type': 'application/json' }, body };
}
