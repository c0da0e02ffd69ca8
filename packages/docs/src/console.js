// @ts-check
// The console page: pick an operation, fill its inputs, and call it on both mocks at once; per
// provider it shows the signed request and the raw answer. The operations, their inputs (paired
// across the providers by concept), scenarios and default regions come from the spec models; the
// calls are made by ./console-browser.js, bundled and inlined by the build.
import { clientMethod } from './code-samples.js';
import { CONNECT_SELF_TAG } from './csp.js';
import { callerInputs, operationsOf } from './fields.js';
import { html, raw, renderHtml } from './html.js';

/** @typedef {import('@layerspec/specs/model').InputModel} InputModel */
/** @typedef {{ name: string, type: string, items?: string }} ConsoleInput  how the page turns the typed text into the value */

/** @param {InputModel} input @returns {ConsoleInput} */
const consoleInput = (input) => ({ name: input.name, type: input.type, ...(input.items ? { items: input.items.type } : {}) });

/**
 * What the console knows of one API, all from its model; the keys are the mock's test keys.
 * @param {{ api: string, name: string, model: import('@layerspec/specs/model').ApiModel }} side
 * @param {object} credentials
 */
export function consoleSide({ api, name, model }, credentials) {
  // The region a reader most likely means: the default of the spec's regional server.
  const region = model.servers.map((server) => server.variables?.region?.default).find((value) => value !== undefined);
  const operations = operationsOf(model).map((operation) => ({
    id: operation.id,
    method: clientMethod(operation),
    inputs: callerInputs(operation).map((input) => ({ ...consoleInput(input), required: input.required, concept: input.concept })),
    scenarios: operation.scenarios.map((scenario) => scenario.name),
  }));
  return { api, name, region: region ?? '', credentials, operations: Object.fromEntries(operations.map((operation) => [operation.id, operation])) };
}

/** @typedef {ReturnType<typeof consoleSide>} ConsoleSide */
/** @typedef {ConsoleSide['operations'][string]} ConsoleOperation */

/**
 * One box of an operation's form: the inputs of the same meaning on each side (by concept; an
 * input without one, or whose concept the other side lacks, gets a box of its own).
 * @typedef {{ key: string, concept: string | undefined, label: string, required: boolean, sides: Record<string, ConsoleInput> }} ConsoleBox
 */

/** The form field that carries a box's text. @param {string} operation @param {string} key */
export const boxField = (operation, key) => `input:${operation}:${key}`;

/**
 * Every operation of either side, the first side's order first, with the sides that have it and
 * its form's boxes.
 * @param {ConsoleSide[]} sides
 */
export function consoleOperations(sides) {
  const ids = [...new Set(sides.flatMap((side) => Object.keys(side.operations)))];
  return ids.map((id) => {
    const having = sides.filter((side) => side.operations[id]);
    /** @type {ConsoleBox[]} */
    const boxes = [];
    for (const side of having) {
      for (const input of side.operations[id]?.inputs ?? []) {
        const concept = input.concept;
        let box = concept === undefined ? undefined : boxes.find((b) => b.concept === concept && !(side.api in b.sides));
        if (!box) {
          // A concept one side carries twice gets a box per input: each box names one input per side.
          const key = concept !== undefined && !boxes.some((b) => b.concept === concept) ? concept : `${side.api}:${input.name}`;
          box = { key, concept, label: '', required: false, sides: {} };
          boxes.push(box);
        }
        box.sides[side.api] = { name: input.name, type: input.type, ...(input.items ? { items: input.items } : {}) };
        box.required ||= input.required;
      }
    }
    for (const box of boxes) {
      const names = [...new Set(Object.values(box.sides).map((input) => input.name))].join(' / ');
      const only =
        Object.keys(box.sides).length < sides.length
          ? ` (${having
              .filter((side) => side.api in box.sides)
              .map((side) => side.name)
              .join(', ')} only)`
          : '';
      box.label = `${names}${only}`;
    }
    return { id, sides: having.map((side) => side.api), boxes: boxes.map((box) => ({ ...box, field: boxField(id, box.key) })), scenarioField: `scenario:${id}` };
  });
}

/** Every scenario name of an operation, those every side has first, each with the providers that have it. @param {ConsoleSide[]} sides @param {string} operation */
export function scenarioChoices(sides, operation) {
  const having = sides.filter((side) => side.operations[operation]);
  const of = (/** @type {ConsoleSide} */ side) => side.operations[operation]?.scenarios ?? [];
  const names = [...new Set(having.flatMap(of))];
  const choices = names.map((name) => ({ name, sides: having.filter((side) => of(side).includes(name)) }));
  return [...choices.filter((choice) => choice.sides.length === having.length), ...choices.filter((choice) => choice.sides.length < having.length)];
}

/**
 * @param {{ sides: ConsoleSide[], script: string, bar: string, themeCss: string, css: string, startHint: string }} input
 *   script: the bundled ./console-browser.js
 */
export function renderConsolePage({ sides, script, bar, themeCss, css, startHint }) {
  // HTML ends an inline script at the first `</script`; a bundle holding one would break the page.
  if (/<\/script/i.test(script)) throw new Error('the console bundle contains "</script"; it cannot be inlined');
  const operations = consoleOperations(sides);
  const only = (/** @type {string[]} */ apis) =>
    apis.length < sides.length
      ? ` (${sides
          .filter((side) => apis.includes(side.api))
          .map((side) => side.name)
          .join(', ')} only)`
      : '';
  // The inputs carry no `required` or pattern: the clients judge the input, with the spec's rule in their message.
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  ${raw(CONNECT_SELF_TAG)}
  <title>layerspec console: ${operations.map((operation) => operation.id).join(', ')} on ${sides.map((side) => side.name).join(' and ')}</title>
  <style>${raw(themeCss)}${raw(css)}${raw(CONSOLE_CSS)}</style>
</head>
<body>
  ${raw(bar)}
  <main>
    <header class="hero">
      <h1>Console</h1>
      <p>Calls an operation on both local mocks at once, signed by the layerspec clients with the mocks' test keys, and shows each request as signed and each answer as it came back.
      The calls go to this server, which forwards them unchanged to the mocks on 127.0.0.1: <code>npm start</code> serves this page with both mocks.
      The clients check the input first with the specs' rules; input either refuses is sent to neither mock.</p>
    </header>
    <noscript><p class="console-status" data-kind="problem">The console needs JavaScript. ${startHint}</p></noscript>
    <form id="console-form" class="console-form" autocomplete="off">
      <label>Operation <select name="operation">
        ${operations.map((operation, i) => html`<option value="${operation.id}"${raw(i === 0 ? ' selected' : '')}>${operation.id}${only(operation.sides)}</option>`)}
      </select></label>
      ${sides.map((side) => html`<label>${side.name} region <input name="region-${side.api}" value="${side.region}"></label>`)}
      ${operations.map(
        (operation, i) => html`<fieldset class="console-operation" data-operation="${operation.id}"${raw(i === 0 ? '' : ' hidden disabled')}>
        <legend>${operation.id}</legend>
        ${operation.boxes.map(
          (box) =>
            html`<label>${box.label}${box.required ? '' : html` <span class="optional">optional</span>`} <input name="${box.field}"${raw(
              Object.values(box.sides).every((input) => input.type === 'integer') ? ' inputmode="numeric"' : '',
            )}${raw(Object.values(box.sides).some((input) => input.type === 'array') ? ' placeholder="a, b"' : '')}></label>`,
        )}
        <label>Scenario <select name="${operation.scenarioField}">
          <option value="">none: the mocks' default answers</option>
          ${scenarioChoices(sides, operation.id).map(
            (choice) => html`<option value="${choice.name}">${choice.name}${only(choice.sides.map((side) => side.api))}</option>`,
          )}
        </select></label>
      </fieldset>`,
      )}
      <button type="submit" class="button">Send to the mocks</button>
    </form>
    <p id="console-status" class="console-status" role="status" aria-live="polite">Looking for the mocks…</p>
    <section class="console-sides">
      ${sides.map(
        (side) => html`<article class="console-side card" data-api="${side.api}">
        <h2>${side.name}</h2>
        <p class="console-refusal" data-part="refusal" role="alert" hidden></p>
        <h3>Request</h3>
        <p class="meta" data-part="via"></p>
        <pre data-part="request"></pre>
        <h3>Answer</h3>
        <pre data-part="answer"></pre>
      </article>`,
      )}
    </section>
  </main>
  <footer>The keys are the mocks' documented test keys (<code>defaultTestCredentials</code> of <code>@layerspec/mock</code>); the operations, their fields, the regions and the scenarios come from the models of <code>@layerspec/specs</code>.</footer>
  <script>${raw(script)}</script>
</body>
</html>
`;
  return renderHtml(page);
}

const CONSOLE_CSS = `
.console-form { display: flex; flex-wrap: wrap; gap: 12px 20px; align-items: end; margin: 16px 0; }
.console-operation { display: contents; }
.console-operation[hidden] { display: none; }
.console-operation legend { display: none; }
.console-operation .optional { font-weight: 400; color: var(--layerspec-muted); }
.console-form label { display: flex; flex-direction: column; font-weight: 600; font-size: 13px; }
.console-form input, .console-form select { font: 14px var(--layerspec-mono); padding: 4px 6px; margin-top: 4px; border: 1px solid var(--layerspec-border); border-radius: 4px; background: var(--layerspec-bg); color: var(--layerspec-text); }
.console-status { font-weight: 600; }
.console-status[data-kind="problem"], .console-refusal { color: var(--layerspec-missing); }
.console-sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(520px, 100%), 1fr)); gap: 24px; }
.console-side pre { background: var(--layerspec-bg-code); padding: 10px; border-radius: 4px; white-space: pre-wrap; overflow-wrap: anywhere; font: 12.5px/1.5 var(--layerspec-mono); min-height: 3em; }
.console-side .meta { color: var(--layerspec-muted); font-size: 12.5px; }
`;
