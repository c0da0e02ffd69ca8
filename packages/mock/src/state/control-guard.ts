// Who may use the control API. A mock on 127.0.0.1 is reachable by every local process and, through
// DNS rebinding and simple cross-site requests, by any web page a developer opens; so a control
// request must name the mock in its Host, come from no other site, send JSON (which a browser
// must preflight, and is then refused for want of CORS) and, where the mock asks for one, carry
// its token. The rules follow Vite's dev server, whose Host check answers DNS rebinding.
import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { Answer, ReceivedRequest } from '../answer.js';

/** Every control endpoint lives below this path, which no provider uses. */
export const CONTROL_PREFIX = '/__layerspec/';
/** The header that carries the mock's control token, which a mock verifying signatures asks for. */
export const CONTROL_TOKEN_HEADER = 'x-layerspec-control-token';

export interface ControlGuardOptions {
  /** The address the mock is bound to (`--host`): a Host naming it is the mock's own. */
  boundHost: string;
  /** When set, every control request must carry it in CONTROL_TOKEN_HEADER. */
  token?: string;
  /** Why a token is asked for, as the refusal tells it. */
  tokenReason?: string;
}

/** Whether an address keeps the mock on this machine; anything else exposes the control API to the network. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(?:\.\d{1,3}){3}$/.test(bare);
}

/** The host name of a Host header value (`127.0.0.1:4010`, `[::1]:4010`, `localhost`), lower case. */
function hostName(header: string): string {
  const bracketed = /^\[([^\]]*)\](?::\d*)?$/.exec(header);
  if (bracketed) return (bracketed[1] ?? '').toLowerCase();
  return header.replace(/:\d*$/, '').toLowerCase();
}

/**
 * Whether a Host header names this mock. An IP literal cannot come from DNS rebinding (the page's
 * origin would be that IP, not the attacker's name), so any is accepted; names must be
 * `localhost` (or below it, which browsers resolve to loopback) or the bound host itself.
 */
export function isOwnHost(header: string | undefined, boundHost: string): boolean {
  if (!header) return false;
  const name = hostName(header);
  if (name === '' || /[^a-z0-9.:_-]/.test(name)) return false;
  if (isIP(name) !== 0) return true;
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  return name === hostName(boundHost.includes(':') && !boundHost.startsWith('[') ? `[${boundHost}]` : boundHost);
}

/** Whether two secrets are equal, in time that does not depend on where they differ. */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The media type of a Content-Type header, lower case, without parameters. */
function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The refusal of a control request that breaks a rule above, or undefined when it may go on. */
export function refuseControlRequest(request: ReceivedRequest, options: ControlGuardOptions): Answer | undefined {
  const { host, origin } = request.headers;
  if (!isOwnHost(host, options.boundHost)) {
    return refusal(
      403,
      `The control API answers only requests whose Host names this mock (an IP address, localhost or ${options.boundHost}); got ${JSON.stringify(host ?? '')}. This refuses DNS rebinding.`,
    );
  }
  if (origin !== undefined && origin !== `http://${host}`) {
    return refusal(403, `The control API answers no request from another site: Origin ${JSON.stringify(origin)} is not http://${host}.`);
  }
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return refusal(403, `The control API answers no request from another site: Sec-Fetch-Site is ${JSON.stringify(site)}.`);
  }
  if (options.token !== undefined && !sameSecret(request.headers[CONTROL_TOKEN_HEADER], options.token)) {
    return refusal(401, `${options.tokenReason ?? 'This mock asks for its control token'}: send it in the ${CONTROL_TOKEN_HEADER} header.`);
  }
  if (request.body.length > 0 && mediaType(request.headers['content-type']) !== 'application/json') {
    return refusal(415, `A control request's body must be JSON: Content-Type must be application/json, got ${JSON.stringify(request.headers['content-type'] ?? '')}.`);
  }
  return undefined;
}

function refusal(status: number, error: string): Answer {
  return { status, headers: { 'content-type': 'application/json' }, body: { error } };
}
