// Sending an answer: whole, or as a fault shapes it (no answer at all, a body cut off half way),
// and as raw bytes for a socket whose request Node could not parse.
import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Answer } from '../answer.js';
import type { FaultEffect } from '../state/faults.js';
import type { JournalAnswer } from '../state/journal-entry.js';

/** What was sent of an answer: all of it, none (a dropped connection), or the first bytes of its body. */
export type Delivered = { kind: 'answered'; body: string; length: number } | { kind: 'dropped' } | { kind: 'cut-off'; body: string; bytesSent: number };

/** Sends an answer as a fault shapes it: no answer at all, or a body cut off half way. */
export function deliver(outgoing: ServerResponse, answer: Answer, effect: FaultEffect | undefined): Delivered {
  if (effect?.kind === 'drop') {
    outgoing.socket?.destroy();
    return { kind: 'dropped' };
  }
  const body = bodyText(answer);
  const length = Buffer.byteLength(body);
  if (effect?.kind === 'cut-off') {
    // The full length is announced and half the bytes are sent, as when a connection breaks mid-answer.
    const bytes = Buffer.from(body);
    const sent = Math.floor(bytes.length / 2);
    outgoing.writeHead(answer.status, { ...answer.headers, 'content-length': length });
    outgoing.write(bytes.subarray(0, sent), () => outgoing.socket?.destroy());
    return { kind: 'cut-off', body, bytesSent: sent };
  }
  outgoing.writeHead(answer.status, { ...answer.headers, 'content-length': length });
  outgoing.end(body);
  return { kind: 'answered', body, length };
}

/** What the journal says of an answer sent. */
export function journalAnswer(delivered: Delivered, answer: Answer): JournalAnswer {
  if (delivered.kind === 'dropped') return delivered;
  if (delivered.kind === 'cut-off') return { ...delivered, status: answer.status, headers: answer.headers };
  return { kind: 'answered', status: answer.status, headers: { ...answer.headers, 'content-length': String(delivered.length) }, body: delivered.body };
}

export function send(outgoing: ServerResponse, answer: Answer): void {
  const body = bodyText(answer);
  outgoing.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(body) });
  outgoing.end(body);
}

/** An answer as raw HTTP/1.1 bytes, for a socket whose request Node could not parse. */
export function rawAnswer(answer: Answer): string {
  const body = bodyText(answer);
  const headers = { ...answer.headers, 'content-length': String(Buffer.byteLength(body)), connection: 'close' };
  const head = [`HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ''}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  return `${head.join('\r\n')}\r\n\r\n${body}`;
}

function bodyText(answer: Answer): string {
  return answer.text ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
}
