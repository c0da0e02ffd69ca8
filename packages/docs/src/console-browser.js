// The console's script, bundled for the browser by scripts/build.mjs (esbuild) and inlined into
// console.html, whose policy allows it by hash. It calls the picked operation on both mocks with
// our own clients' universal entries, so the request is signed by the clients' code (which sends
// the operation's wire route), not a copy of it.
// Each client gets a fetch that records the signed Request and sends it to the docs server, which
// forwards it unchanged to the mock (/mock/<api>/...); the answer is shown as it came back.
import { createLambdaClient } from '@layerspec/aws-lambda';
import { createScfClient } from '@layerspec/tencent-scf';

/**
 * LAYERSPEC_CONSOLE is written by the build (esbuild's define), from the spec models and the mocks' test keys.
 * @typedef {import('./console.js').ConsoleSide} ConsoleSide
 * @typedef {ReturnType<typeof import('./console.js').consoleOperations>[number]} ConsoleOperation
 * @typedef {import('./console.js').ConsoleInput} ConsoleInput
 * @type {{ sides: ConsoleSide[], operations: ConsoleOperation[], startHint: string, fileHint: string, preferHeader: string }}
 */
const config = LAYERSPEC_CONSOLE;

/** Which of our clients speaks each API. */
const CLIENTS = { 'aws-lambda': createLambdaClient, 'tencent-scf': createScfClient };

const form = /** @type {HTMLFormElement} */ (document.getElementById('console-form'));
const status = /** @type {HTMLElement} */ (document.getElementById('console-status'));
const button = /** @type {HTMLButtonElement} */ (form.querySelector('button[type="submit"]'));
const picker = /** @type {HTMLSelectElement} */ (form.querySelector('select[name="operation"]'));

/** Shows the picked operation's inputs and scenarios; the others' are disabled, so the form does not send them. */
function showPicked() {
  for (const fieldset of form.querySelectorAll('fieldset[data-operation]')) {
    const picked = /** @type {HTMLFieldSetElement} */ (fieldset).dataset.operation === picker.value;
    /** @type {HTMLFieldSetElement} */ (fieldset).hidden = !picked;
    /** @type {HTMLFieldSetElement} */ (fieldset).disabled = !picked;
  }
}
picker.addEventListener('change', showPicked);
showPicked();

/**
 * The value the client gets for a typed text, by the input's type in the spec: an integer as a
 * number, an array from comma-separated items; anything the text cannot be stays text, for the
 * client's rule to refuse by name.
 * @param {string} text @param {ConsoleInput} input @returns {unknown}
 */
function typedValue(text, input) {
  const scalar = (/** @type {string} */ t, /** @type {string | undefined} */ type) =>
    (type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : type === 'boolean' && /^(true|false)$/.test(t) ? t === 'true' : t;
  if (input.type === 'array') return text.split(',').map((item) => scalar(item.trim(), input.items));
  return scalar(text, input.type);
}

/** @param {string} text @param {'ok' | 'problem'} kind */
function say(text, kind) {
  status.textContent = text;
  status.dataset.kind = kind;
}

/** @param {string} api */
function panel(api) {
  const root = /** @type {HTMLElement} */ (document.querySelector(`.console-side[data-api="${api}"]`));
  const part = (/** @type {string} */ name) => /** @type {HTMLElement} */ (root.querySelector(`[data-part="${name}"]`));
  return { root, refusal: part('refusal'), request: part('request'), answer: part('answer'), via: part('via') };
}

/** @param {Headers} headers */
function headerLines(headers) {
  return [...headers].map(([name, value]) => `${name}: ${value}`).join('\n');
}

/** The mocks the docs server forwards to, or a reason there are none. */
async function findMocks() {
  if (location.protocol === 'file:') return { problem: config.fileHint };
  let answer;
  try {
    answer = await fetch('mock/', { cache: 'no-store' });
  } catch {
    return { problem: `The docs server did not answer. ${config.startHint}` };
  }
  if (!answer.ok) return { problem: `This server does not forward to the mocks. ${config.startHint}` };
  /** @type {{ mocks: Record<string, { url: string, path: string, reachable: boolean }> }} */
  const listed = await answer.json();
  const missing = config.sides.filter((side) => !listed.mocks[side.api]?.reachable);
  if (missing.length > 0) return { problem: `The ${missing.map((side) => side.name).join(' and ')} mock does not answer. ${config.startHint}`, mocks: listed.mocks };
  return { mocks: listed.mocks };
}

/** A promise with its resolve outside. @template T */
function deferred() {
  /** @type {(value: T) => void} */
  let resolve = () => {};
  /** @type {Promise<T>} */
  const promise = new Promise((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/**
 * One side's call: the client checks the input and signs; its fetch waits at the gate until both
 * clients have either accepted the input or refused it, so a refusal on one side sends nothing on
 * either. Resolves when the client has reached fetch or refused.
 * @param {ConsoleSide} side @param {ConsoleOperation} operation @param {{ url: string, path: string }} mock @param {Record<string, string>} values
 * @param {Promise<boolean>} gate resolves true to send, false to send nothing
 */
function startCall(side, operation, mock, values, gate) {
  const reached = deferred();
  /** @type {{ request?: Request, body?: string, response?: Response, refusal?: string, sendError?: string }} */
  const record = {};
  /** @param {Request} request */
  const recordingFetch = async (request) => {
    record.request = request;
    record.body = await request.clone().text();
    reached.resolve('ready');
    if (!(await gate)) throw new Error('not sent');
    const signed = new URL(request.url);
    // Same method, path, query, headers and body, to the docs server's forwarding path.
    const forwarded = new Request(`${mock.path.replace(/^\//, '')}${signed.pathname.replace(/^\//, '')}${signed.search}`, {
      method: request.method,
      headers: request.headers,
      ...(record.body !== '' ? { body: record.body } : {}),
    });
    try {
      record.response = await fetch(forwarded);
    } catch (error) {
      record.sendError = String(error);
      throw error;
    }
    return record.response.clone();
  };
  /** @type {Record<string, unknown>} */
  const input = {};
  for (const box of operation.boxes) {
    const own = box.sides[side.api];
    const text = values[box.field] ?? '';
    // An empty box is an input left out: an optional one is then absent, a required one refused by the client.
    if (own && text !== '') input[own.name] = typedValue(text, own);
  }
  const own = side.operations[operation.id];
  const picked = values[operation.scenarioField] ?? '';
  const scenario = own?.scenarios.includes(picked) ? picked : undefined;
  const done = (async () => {
    try {
      const create = CLIENTS[/** @type {keyof typeof CLIENTS} */ (side.api)];
      const client = create({
        ...(values[`region-${side.api}`] !== '' ? { region: values[`region-${side.api}`] } : {}),
        // @ts-expect-error each side carries its own provider's keys
        credentials: side.credentials,
        endpoint: mock.url,
        fetch: recordingFetch,
        // One request per press: a retried answer would hide the first one.
        maxAttempts: 1,
      });
      const call = /** @type {Record<string, (input: unknown, options: unknown) => Promise<unknown>>} */ (/** @type {unknown} */ (client))[own?.method ?? ''];
      if (!call) throw new Error(`the ${side.name} client has no method ${own?.method} for ${operation.id}`);
      await call.call(client, input, scenario ? { headers: { [config.preferHeader]: `example=${scenario}` } } : {});
    } catch (error) {
      // An error after fetch is the provider's error answer, shown raw; before fetch, a refusal.
      if (!record.request) record.refusal = error instanceof Error ? error.message : String(error);
    }
    reached.resolve('done');
  })();
  return { side, mock, record, scenario, reached: reached.promise, done };
}

/** @param {ReturnType<typeof startCall>} call @param {boolean} sent */
async function show(call, sent) {
  const view = panel(call.side.api);
  const { record } = call;
  if (record.refusal) {
    view.refusal.textContent = `The client refused the input, nothing was sent: ${record.refusal}`;
    view.refusal.hidden = false;
    return;
  }
  if (!record.request) return;
  const request = record.request;
  view.request.textContent = [`${request.method} ${request.url}`, headerLines(request.headers), '', record.body ?? ''].join('\n');
  if (!sent) {
    view.refusal.textContent = 'Not sent: the other client refused the input.';
    view.refusal.hidden = false;
    return;
  }
  const signed = new URL(request.url);
  view.via.textContent = `Sent through ${call.mock.path.replace(/\/$/, '')}${signed.pathname}${signed.search} on this server, which forwards it unchanged to ${call.mock.url}${call.scenario ? `; scenario ${call.scenario}` : '; no scenario: the mock answers with its default example'}.`;
  if (record.response) {
    const response = record.response;
    view.answer.textContent = [`HTTP ${response.status} ${response.statusText}`, headerLines(response.headers), '', await response.clone().text()].join('\n');
  } else {
    view.answer.textContent = `No answer: ${record.sendError ?? 'the request failed'}. ${config.startHint}`;
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  button.disabled = true;
  try {
    for (const side of config.sides) {
      const view = panel(side.api);
      view.refusal.hidden = true;
      for (const part of [view.refusal, view.request, view.answer, view.via]) part.textContent = '';
    }
    const operation = config.operations.find((entry) => entry.id === picker.value);
    if (!operation) return say(`No operation ${picker.value}.`, 'problem');
    // A provider without the operation gets no call, and says so.
    for (const side of config.sides) {
      if (operation.sides.includes(side.api)) continue;
      const view = panel(side.api);
      view.refusal.textContent = `${side.name} has no operation ${operation.id}; nothing was sent.`;
      view.refusal.hidden = false;
    }
    const calling = config.sides.filter((side) => operation.sides.includes(side.api));
    const found = await findMocks();
    if (found.problem || !found.mocks) return say(found.problem ?? config.startHint, 'problem');
    const mocks = found.mocks;
    const values = /** @type {Record<string, string>} */ (Object.fromEntries([...new FormData(form)].map(([key, value]) => [key, String(value).trim()])));
    const gate = deferred();
    const calls = calling.map((side) => startCall(side, operation, mocks[side.api] ?? { url: '', path: '' }, values, gate.promise));
    const outcomes = await Promise.all(calls.map((call) => call.reached));
    const send = outcomes.every((outcome) => outcome === 'ready');
    gate.resolve(send);
    await Promise.all(calls.map((call) => call.done));
    for (const call of calls) await show(call, send);
    const to = calling.length === config.sides.length ? 'both mocks' : `the ${calling.map((side) => side.name).join(' and ')} mock`;
    say(send ? `Sent ${operation.id} to ${to}.` : 'Nothing was sent: a client refused the input.', send ? 'ok' : 'problem');
  } finally {
    button.disabled = false;
  }
});

findMocks().then((found) => (found.problem ? say(found.problem, 'problem') : say('Both mocks answer; pick an operation and a scenario, and send.', 'ok')));
