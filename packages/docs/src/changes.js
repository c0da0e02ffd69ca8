// @ts-check
// The "What changed" page of one API: each released revision of its description, newest first, its
// changes grouped breaking first, in the words of its CHANGELOG.md. Everything comes from the
// release index @layerspec/specs ships (a copy of specs/<api>/releases/index.json).
import { EXHAUSTIVE_NOTE, changePlace, groupChanges } from '../../../tools/spec-release/changelog.mjs';
import { html, prose, raw, renderHtml } from './html.js';

/** @typedef {import('../../../tools/spec-release/release.mjs').ReleaseIndex} ReleaseIndex */
/** @typedef {import('../../../tools/spec-release/release.mjs').SpecChange} SpecChange */

/** The page of an API's changes, the same name from every page that links to it. @param {string} api */
export const changesPage = (api) => `changes-${api}.html`;

/** @param {SpecChange} change */
function changeItem(change) {
  const place = changePlace(change);
  return html`<li data-bump="${change.bump}" data-rule="${change.rule}">${prose(change.message)}${place ? html` <span class="place">(${place})</span>` : ''}${
    change.exhaustive ? html` <strong class="exhaustive">${EXHAUSTIVE_NOTE}</strong>` : ''
  }</li>`;
}

/** @param {ReleaseIndex['releases'][number]} release */
function releaseSection(release) {
  return html`<section class="release" id="revision-${release.revision}" data-revision="${release.revision}">
    <h2>${release.revision} <span class="date">${release.date}</span></h2>
    ${groupChanges(release.changes).map(
      (group) => html`<h3 data-bump="${group.bump}">${group.title}</h3>
    <ul>${group.changes.map(changeItem)}</ul>`,
    )}
  </section>`;
}

/**
 * @param {{ api: string, name: string, apiVersion: string, index: ReleaseIndex, source: string, bar: string, themeCss: string, css: string }} input
 *   name: the provider's display name; apiVersion: the provider's API version (info.version); source: where the index was read
 * @returns {string}
 */
export function renderChangesPage({ api, name, apiVersion, index, source, bar, themeCss, css }) {
  if (index.api !== api) throw new Error(`the release index read for ${api} (${source}) says api "${index.api}"`);
  const releases = [...index.releases].reverse();
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>layerspec: what changed in the ${name} description</title>
  <style>${raw(themeCss)}${raw(css)}${raw(CHANGES_CSS)}</style>
</head>
<body>
  ${raw(bar)}
  <main>
    <header class="hero">
      <h1>What changed in ${name}</h1>
      <p>Each revision is a release of the <a href="${api}.html">${name}</a> description, numbered with semver on its own: a major revision may break a client generated from the one before, a minor one adds, a patch fixes words or examples.
      The provider's API version, <code>${apiVersion}</code>, is another number. Breaking changes come first in each revision.</p>
    </header>
    ${releases.length > 0 ? releases.map(releaseSection) : html`<p class="none">No revision has been released yet.</p>`}
  </main>
  <footer>Generated from <code>${source}</code>, the release index the description's CHANGELOG.md is also written from.</footer>
</body>
</html>
`;
  return renderHtml(page);
}

const CHANGES_CSS = `
.release { border-top: 1px solid var(--layerspec-border); margin-top: 24px; }
.release h2 .date { color: var(--layerspec-muted); font-size: 16px; font-weight: 400; margin-left: 8px; }
.release ul { padding-left: 20px; }
.release li + li { margin-top: 4px; }
.place { color: var(--layerspec-muted); }
.exhaustive { color: var(--layerspec-missing); font-weight: 600; }
`;
