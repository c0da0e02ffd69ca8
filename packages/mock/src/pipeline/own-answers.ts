// The mock's own answers, outside the provider's API: the control API, and the archives it serves.
import type { ServerResponse } from 'node:http';
import type { ReceivedRequest } from '../answer.js';
import { isArchiveRequest, layerArchive } from '../archive/index.js';
import { answerControl, isControlRequest } from '../state/control.js';
import { isOwnHost } from '../state/control-guard.js';
import { send } from './deliver.js';
import type { MockParts } from './exchange.js';

/** How to answer a request the mock answers itself, or undefined when it is the provider's. */
export function ownAnswer(parts: MockParts, request: ReceivedRequest): ((outgoing: ServerResponse) => Promise<void>) | undefined {
  const { options, state, spec, guard } = parts;
  const path = request.url.split('?')[0] ?? '';
  const download = request.method === 'GET' || request.method === 'HEAD';
  const fixtureArchive = download ? state.served()?.find((layer) => layer.archive?.path === path)?.archive?.bytes : undefined;
  if (fixtureArchive || (options.serveArchive && isArchiveRequest(request.method, request.url))) {
    // Like the providers' presigned download links, an archive needs no Authorization; a page
    // that rebinds its own name to this machine still gets nothing.
    if (!isOwnHost(request.headers.host, guard.boundHost)) return undefined;
    return async (outgoing) => {
      sendArchive(outgoing, request.method, fixtureArchive ?? layerArchive().bytes);
      options.log?.(`${options.provider} ${request.method} ${request.url} -> 200 archive`);
    };
  }
  if (!isControlRequest(request.url)) return undefined;
  return async (outgoing) => {
    const answered = await answerControl(request, { state, spec, guard });
    send(outgoing, answered);
    options.log?.(`${options.provider} control ${request.method} ${request.url} -> ${answered.status}`);
  };
}

function sendArchive(outgoing: ServerResponse, method: string, bytes: Uint8Array): void {
  outgoing.writeHead(200, { 'content-type': 'application/zip', 'content-length': bytes.length });
  outgoing.end(method === 'HEAD' ? undefined : bytes);
}
