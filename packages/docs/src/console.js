// @ts-check
// The console page: a GetLayerVersion form that calls both mocks at once and shows, per provider,
// the signed request and the raw answer. The form's fields, scenarios and default regions come
// from the spec models; the calls are made by ./console-browser.js, bundled and inlined by the build.
import { CONNECT_SELF_TAG } from './csp.js';
import { html, raw, renderHtml } from './html.js';

/**
 * What the console knows of one API, all from its model; the keys are the mock's test keys.
 * @param {{ api: string, name: string, model: import('@layerspec/specs/model').ApiModel }} side
 * @param {object} credentials
 */
export function consoleSide({ api, name, model }, credentials) {
  const field = (/** @type {string} */ concept) => {
    const input = model.inputs.find((entry) => entry.concept === concept);
    if (!input) throw new Error(`the ${api} model has no input with the concept "${concept}"`);
    return input.name;
  };
  // The region a reader most likely means: the default of the spec's regional server.
  const region = model.servers.map((server) => server.variables?.region?.default).find((value) => value !== undefined);
  return {
    api,
    name,
    fields: { name: field('layer-name'), version: field('layer-version') },
    scenarios: model.scenarios.map((scenario) => scenario.name),
    outcomes: Object.fromEntries(model.scenarios.map((scenario) => [scenario.name, scenario.outcome])),
    region: region ?? '',
    credentials,
  };
}

/** @typedef {ReturnType<typeof consoleSide>} ConsoleSide */

/** Every scenario name, those both specs have first, each with the providers that have it. @param {ConsoleSide[]} sides */
export function scenarioChoices(sides) {
  const names = [...new Set(sides.flatMap((side) => side.scenarios))];
  const choices = names.map((name) => ({ name, sides: sides.filter((side) => side.scenarios.includes(name)) }));
  return [...choices.filter((choice) => choice.sides.length === sides.length), ...choices.filter((choice) => choice.sides.length < sides.length)];
}

/**
 * @param {{ sides: ConsoleSide[], script: string, bar: string, themeCss: string, css: string, startHint: string }} input
 *   script: the bundled ./console-browser.js
 */
export function renderConsolePage({ sides, script, bar, themeCss, css, startHint }) {
  // HTML ends an inline script at the first `</script`; a bundle holding one would break the page.
  if (/<\/script/i.test(script)) throw new Error('the console bundle contains "</script"; it cannot be inlined');
  // The inputs carry no `required` or pattern: the clients judge the input, with the spec's rule in their message.
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  ${raw(CONNECT_SELF_TAG)}
  <title>layerspec console: GetLayerVersion on ${sides.map((side) => side.name).join(' and ')}</title>
  <style>${raw(themeCss)}${raw(css)}${raw(CONSOLE_CSS)}</style>
</head>
<body>
  ${raw(bar)}
  <main>
    <header class="hero">
      <h1>Console</h1>
      <p>Calls GetLayerVersion on both local mocks at once, signed by the layerspec clients with the mocks' test keys, and shows each request as signed and each answer as it came back.
      The calls go to this server, which forwards them unchanged to the mocks on 127.0.0.1: <code>npm start</code> serves this page with both mocks.
      The clients check the input first with the specs' rules; input either refuses is sent to neither mock.</p>
    </header>
    <noscript><p class="console-status" data-kind="problem">The console needs JavaScript. ${startHint}</p></noscript>
    <form id="console-form" class="console-form" autocomplete="off">
      <label>Layer name <input name="name"></label>
      <label>Version <input name="version" inputmode="numeric"></label>
      ${sides.map((side) => html`<label>${side.name} region <input name="region-${side.api}" value="${side.region}"></label>`)}
      <label>Scenario <select name="scenario">
        <option value="">none: the mocks' default answers</option>
        ${scenarioChoices(sides).map(
          (choice) =>
            html`<option value="${choice.name}">${choice.name}${choice.sides.length < sides.length ? ` (${choice.sides.map((side) => side.name).join(', ')} only)` : ''}</option>`,
        )}
      </select></label>
      <button type="submit" class="button">Send to both mocks</button>
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
  <footer>The keys are the mocks' documented test keys (<code>defaultTestCredentials</code> of <code>@layerspec/mock</code>); the form's fields, regions and scenarios come from the models of <code>@layerspec/specs</code>.</footer>
  <script>${raw(script)}</script>
</body>
</html>
`;
  return renderHtml(page);
}

const CONSOLE_CSS = `
.console-form { display: flex; flex-wrap: wrap; gap: 12px 20px; align-items: end; margin: 16px 0; }
.console-form label { display: flex; flex-direction: column; font-weight: 600; font-size: 13px; }
.console-form input, .console-form select { font: 14px var(--layerspec-mono); padding: 4px 6px; margin-top: 4px; border: 1px solid var(--layerspec-border); border-radius: 4px; background: var(--layerspec-bg); color: var(--layerspec-text); }
.console-status { font-weight: 600; }
.console-status[data-kind="problem"], .console-refusal { color: var(--layerspec-missing); }
.console-sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(520px, 100%), 1fr)); gap: 24px; }
.console-side pre { background: var(--layerspec-bg-code); padding: 10px; border-radius: 4px; white-space: pre-wrap; overflow-wrap: anywhere; font: 12.5px/1.5 var(--layerspec-mono); min-height: 3em; }
.console-side .meta { color: var(--layerspec-muted); font-size: 12.5px; }
`;
