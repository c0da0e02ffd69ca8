// The last stage: the journal's entry of an exchange and its log line. The entry keeps what the
// journal documents (the body cut at 64 KiB, secrets redacted when it is read), nothing more.
import type { IncomingMessage } from 'node:http';
import type { Answer, ReceivedRequest } from '../answer.js';
import { loadModel, valueAt } from '../model.js';
import type { LoadedSpec, Provider } from '../spec.js';
import type { JournalAnswer } from '../state/journal-entry.js';
import { type EntryBuilder, keptBody, redactHeaders, redactTarget } from '../state/journal.js';
import { type Delivered, journalAnswer } from './deliver.js';
import type { Exchange, MockParts } from './exchange.js';

export function record({ spec, state }: MockParts, exchange: Exchange, answer: Answer, delivered: Delivered): void {
  const { request, signature } = exchange;
  const durationMs = Date.now() - exchange.startedAt.getTime();
  // Only what the entry keeps is held until the journal is read: not the request's whole body, not Prism's whole answer.
  const recorded = recordedRequest(request);
  const sent = journalAnswer(delivered, { status: answer.status, headers: answer.headers, body: undefined });
  const pendingBytes = typeof signature === 'function' ? 2 * request.body.length + (request.bodyBytes?.length ?? 0) : 0;
  const entry = entryBuilder(spec, {
    recorded,
    origin: exchange.origin,
    startedAt: exchange.startedAt,
    durationMs,
    answer: sent,
    operation: exchange.operation?.id,
    fault: exchange.fault?.kind,
  });
  state.journal.add(entry, signature, recorded.bytes + answerBytes(sent) + pendingBytes);
}

/** The line a mock logs of a request: method, target, status, the provider's error code where the model says it travels, the fault. */
export function logLine(provider: Provider, incoming: IncomingMessage, answer: Answer, fault?: string): string {
  const { codeAt } = loadModel(provider).errors;
  const error = codeAt.in === 'header' ? answer.headers[codeAt.name.toLowerCase()] : valueAt(answer.body, codeAt.path);
  return `${provider} ${incoming.method} ${incoming.url} -> ${answer.status}${error ? ` ${error}` : ''}${fault ? ` (fault: ${fault})` : ''}`;
}

/**
 * The journal's entry of one request, built when the journal is read. Made here rather than in a
 * stage: a closure there would share the stage's scope, and with it the received request and its
 * whole body, for as long as the journal keeps the entry.
 */
function entryBuilder(
  spec: LoadedSpec,
  kept: {
    recorded: ReturnType<typeof recordedRequest>;
    origin: string;
    startedAt: Date;
    durationMs: number;
    answer: JournalAnswer;
    operation: string | undefined;
    fault: string | undefined;
  },
): EntryBuilder {
  const { recorded, origin, startedAt, durationMs, answer, operation, fault } = kept;
  return () => ({
    startedAt: startedAt.toISOString(),
    durationMs,
    request: {
      method: recorded.method,
      url: `${origin}${redactTarget(spec.model, recorded.url)}`,
      headers: redactHeaders(spec.model, recorded.headers),
      ...recorded.kept,
    },
    ...(operation ? { operation } : {}),
    answer,
    ...(fault ? { fault } : {}),
  });
}

/** What the journal keeps of a request, and the bytes it holds until the journal is read. */
function recordedRequest(request: ReceivedRequest) {
  const kept = keptBody(request.body);
  let headerChars = 0;
  for (const [name, value] of Object.entries(request.headers)) headerChars += name.length + value.length;
  return {
    method: request.method,
    url: request.url,
    headers: request.headers,
    kept,
    /** Counted as UTF-16, as V8 may hold strings. */
    bytes: 2 * (kept.body.length + headerChars + request.url.length + request.method.length),
  };
}

function answerBytes(answer: JournalAnswer): number {
  if (answer.kind === 'dropped') return 0;
  let chars = answer.body.length;
  for (const [name, value] of Object.entries(answer.headers)) chars += name.length + String(value).length;
  return 2 * chars;
}
