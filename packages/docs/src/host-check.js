// @ts-check
// Which Host and Origin values name a local server. A page on any site can point a DNS name it
// owns at 127.0.0.1 (DNS rebinding) and then read what the server answers under that name; a
// server that answers only the names it is bound under gives such a page nothing. Browsers send
// Host and Origin as the WHATWG URL parser serialises them (lower case, canonical IP addresses,
// no :80 for http), so an exact comparison with those forms is enough.

/**
 * The Host values that name a server bound to `host` on `port`: the loopback names and `host`.
 * @param {{ host: string, port: number }} bound
 * @returns {string[]}
 */
export function allowedHosts({ host, port }) {
  const names = ['127.0.0.1', 'localhost', '[::1]', host.includes(':') && !host.startsWith('[') ? `[${host}]` : host];
  const forms = names.flatMap((name) => {
    const serialised = hostOf(name, port);
    // Some clients write the default port out; browsers leave it off.
    return port === 80 ? [serialised, `${serialised}:80`] : [serialised];
  });
  return [...new Set(forms)];
}

/**
 * Whether a request's Host header is one of `allowed` (from allowedHosts); a missing one is not.
 * @param {string | undefined} header @param {readonly string[]} allowed
 */
export function isAllowedHost(header, allowed) {
  return typeof header === 'string' && allowed.includes(header.toLowerCase());
}

/**
 * Whether an Origin header names the server itself: `http://` and one of `allowed`.
 * @param {string} header @param {readonly string[]} allowed
 */
export function isOwnOrigin(header, allowed) {
  const lower = header.toLowerCase();
  return lower.startsWith('http://') && allowed.includes(lower.slice('http://'.length));
}

/** `name:port` as a URL's host serialises it, or as written when it is no valid host. @param {string} name @param {number} port */
function hostOf(name, port) {
  try {
    return new URL(`http://${name}:${port}/`).host;
  } catch {
    return `${name.toLowerCase()}:${port}`;
  }
}
