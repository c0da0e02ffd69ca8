// @ts-check
// Child processes, free ports and plain HTTP requests for the bench. Every wait has a deadline,
// every child is stopped by its own pid, and nothing binds anything but 127.0.0.1.
import { fork, spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';

/** Environment for every child: telemetry off, no proxies (nothing may leave 127.0.0.1). */
export function childEnv(/** @type {Record<string, string>} */ extra = {}) {
  /** @type {Record<string, string | undefined>} */
  const env = {
    ...process.env,
    TURBO_TELEMETRY_DISABLED: '1',
    DO_NOT_TRACK: '1',
    REDOCLY_TELEMETRY: 'off',
    NO_PROXY: '*',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...extra,
  };
  for (const name of ['http_proxy', 'https_proxy', 'HTTP_PROXY', 'HTTPS_PROXY', 'all_proxy', 'ALL_PROXY']) delete env[name];
  return env;
}

/** Every child this process started and has not yet seen exit, so an interrupted run can stop them. */
const liveChildren = new Set();

/**
 * Remembers a child until it exits. @template {import('node:child_process').ChildProcess} T @param {T} child
 * @returns {T}
 */
export function track(child) {
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
  return child;
}

/** Stops every child still running, each by its own pid (for Ctrl-C and fatal errors). */
export async function stopAllChildren() {
  await Promise.all([...liveChildren].map((child) => stopChild(child)));
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolves with the first message whose type is one of `types`, rejects on an `error` message, on
 * exit or after `timeoutMs`.
 * @param {import('node:child_process').ChildProcess} child @param {string | string[]} types @param {number} timeoutMs
 * @returns {Promise<any>}
 */
export function nextMessage(child, types, timeoutMs) {
  const wanted = [types].flat();
  const type = wanted.join('" or "');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`no "${type}" message from child ${child.pid} within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (/** @type {any} */ message) => {
      if (message?.type === 'error') finish(new Error(message.message));
      else if (wanted.includes(message?.type)) finish(undefined, message);
    };
    const onExit = (/** @type {number | null} */ code) => finish(new Error(`child ${child.pid} exited (code ${code}) before sending "${type}"`));
    /** @param {Error} [error] @param {any} [message] */
    function finish(error, message) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(message);
    }
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/**
 * Forks one of the bench's own server scripts and waits for its `listening` message.
 * @param {URL} script @param {{ args?: string[], env?: Record<string, string>, timeoutMs?: number }} [options]
 */
export async function startServerChild(script, options = {}) {
  const startedAt = performance.now();
  const child = track(fork(script, options.args ?? [], { env: childEnv(options.env), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  try {
    const message = await nextMessage(child, 'listening', options.timeoutMs ?? 30_000);
    return { child, url: /** @type {string} */ (message.url), startedAt };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

/**
 * Stops one child by its pid: SIGTERM, then SIGKILL after two seconds.
 * @param {import('node:child_process').ChildProcess} child
 */
export async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
  await exited;
  clearTimeout(timer);
}

/** A port that was free a moment ago on 127.0.0.1, for tools that cannot take port 0. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = address && typeof address === 'object' ? address.port : 0;
      server.close(() => resolve(/** @type {number} */ (port)));
    });
  });
}

/**
 * @typedef {{ method: string, path: string, headers: Record<string, string>, body?: string }} RecordedRequest
 */

/**
 * One HTTP/1.1 request with node:http (which, unlike fetch, lets us send the recorded Host header).
 * @param {string} baseUrl @param {RecordedRequest} request @param {number} [timeoutMs]
 * @returns {Promise<{ status: number, headers: Record<string, string>, body: string }>}
 */
export function sendRequest(baseUrl, request, timeoutMs = 5000) {
  const url = new URL(request.path, baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method: request.method, headers: request.headers, timeout: timeoutMs, agent: false }, (response) => {
      /** @type {Buffer[]} */
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        /** @type {Record<string, string>} */
        const headers = {};
        for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
        resolve({ status: response.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
      });
      response.on('error', reject);
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer from ${url} within ${timeoutMs} ms`)));
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

/**
 * Polls until `request` gets a 200 (every 5 ms, at most `timeoutMs`); resolves with the time it came.
 * @param {string} baseUrl @param {RecordedRequest} request @param {number} timeoutMs
 */
export async function waitFor200(baseUrl, request, timeoutMs) {
  const deadline = performance.now() + timeoutMs;
  let last = 'no answer';
  while (performance.now() < deadline) {
    try {
      const response = await sendRequest(baseUrl, request, 1000);
      if (response.status === 200) return performance.now();
      last = `HTTP ${response.status}: ${response.body.slice(0, 200)}`;
    } catch (error) {
      last = /** @type {Error} */ (error).message;
    }
    await sleep(5);
  }
  throw new Error(`${baseUrl}${request.path} gave no 200 within ${timeoutMs} ms (last: ${last})`);
}

/**
 * Runs a program to completion and measures its wall time from spawn to exit.
 * @param {string[]} args node arguments @param {{ env?: Record<string, string>, timeoutMs?: number, cwd?: string }} [options]
 * @returns {Promise<{ ms: number, code: number | null, stdout: string, stderr: string }>}
 */
export function runNode(args, options = {}) {
  return runCommand(process.execPath, args, options);
}

/**
 * @param {string} command @param {string[]} args @param {{ env?: Record<string, string>, timeoutMs?: number, cwd?: string }} [options]
 * @returns {Promise<{ ms: number, code: number | null, stdout: string, stderr: string }>}
 */
export function runCommand(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const child = track(spawn(command, args, { env: childEnv(options.env), cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] }));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timeoutMs = options.timeoutMs ?? 60_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ').slice(0, 120)} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ms: performance.now() - startedAt, code, stdout, stderr });
    });
  });
}
