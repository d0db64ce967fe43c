'use strict';
/**
 * The production add-in manifest from the development one.
 *
 * manifest.xml (repository root) points every URL at the development server,
 * https://localhost:3000/ (`npm start`). A production build must point them at the address where
 * dist/ is hosted, given by the environment variable
 *
 *   ADDIN_BASE_URL   e.g. https://addin.example.vn/chitieu   (https only; trailing slash optional)
 *
 * webpack.config.js calls `productionManifest(xml, process.env.ADDIN_BASE_URL)` when building for
 * production and writes the result to dist/manifest.xml. It can also be run by hand:
 *
 *   ADDIN_BASE_URL=https://addin.example.vn/chitieu node tools/manifest.js [in.xml] [out.xml]
 *   node tools/manifest.js https://addin.example.vn/chitieu [in.xml] [out.xml]
 *
 * (defaults: in = manifest.xml, out = standard output).
 *
 * Every `https://localhost:3000` becomes the base URL, so `https://localhost:3000/taskpane.html`
 * becomes `https://addin.example.vn/chitieu/taskpane.html`. The one exception is <AppDomain>,
 * which names an origin, not a folder: it becomes the base URL's origin (`https://addin.example.vn`).
 * Files are expected at the same paths under the base URL as under the dev server
 * (taskpane.html, commands.html, assets/icon-*.png, assets/help.html). The development comments
 * are dropped and replaced by a one-line note saying the file is generated.
 */
const fs = require('fs');
const path = require('path');

const DEV_BASE_URL = 'https://localhost:3000';

// The dev origin, not followed by another port digit or host character (":30001" is not ours).
const DEV_PATTERN = /https:\/\/localhost:3000(?![0-9A-Za-z.-])/g;
const APP_DOMAIN_PATTERN = /(<AppDomain>\s*)https:\/\/localhost:3000\/?(\s*<\/AppDomain>)/g;

function escapeXml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * Checks and normalises a production base URL: https, no credentials, query or fragment;
 * returned without a trailing slash. Throws an Error that says what to fix.
 */
function normaliseBaseUrl(baseUrl) {
  if (typeof baseUrl !== 'string' || baseUrl.trim() === '') {
    throw new Error(
      'ADDIN_BASE_URL is not set: give the https address where dist/ is hosted, e.g. ADDIN_BASE_URL=https://addin.example.vn/chitieu',
    );
  }
  let url;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    throw new Error(`ADDIN_BASE_URL is not a valid URL: "${baseUrl}" (expected e.g. https://addin.example.vn/chitieu)`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(
      `ADDIN_BASE_URL must be an https:// address (Office loads add-ins over HTTPS only), got "${baseUrl}"`,
    );
  }
  if (url.username || url.password) {
    throw new Error(`ADDIN_BASE_URL must not contain a user name or password, got "${baseUrl}"`);
  }
  if (url.search || url.hash || baseUrl.includes('?') || baseUrl.includes('#')) {
    throw new Error(`ADDIN_BASE_URL must not contain a query (?…) or a fragment (#…), got "${baseUrl}"`);
  }
  return { base: url.href.replace(/\/+$/, ''), origin: url.origin };
}

/**
 * The manifest `xml` with every https://localhost:3000 replaced by `baseUrl` (AppDomain: by its
 * origin). Throws when baseUrl is missing, not https, or carries a query/fragment, and when the
 * manifest holds no development URL at all (already transformed, or not our manifest).
 * @param {string} xml
 * @param {string | undefined} baseUrl
 * @returns {string}
 */
function productionManifest(xml, baseUrl) {
  const { base, origin } = normaliseBaseUrl(baseUrl);
  if (typeof xml !== 'string' || !new RegExp(DEV_PATTERN.source).test(xml)) {
    throw new Error(`The manifest holds no ${DEV_BASE_URL} URL to replace: is it the development manifest.xml?`);
  }
  const out = xml
    // The development notes (they mention the dev server) do not belong in the production file.
    .replace(/[ \t]*<!--[\s\S]*?-->[ \t]*\r?\n?/g, '')
    .replace(APP_DOMAIN_PATTERN, (_m, open, close) => `${open}${escapeXml(origin)}${close}`)
    .replace(DEV_PATTERN, () => escapeXml(base));
  const note = '<!-- Production manifest generated from manifest.xml by tools/manifest.js (ADDIN_BASE_URL). Do not edit. -->\n';
  const decl = /^\uFEFF?<\?xml[^?]*\?>\r?\n?/.exec(out);
  return decl ? decl[0] + note + out.slice(decl[0].length) : note + out;
}

function main(argv) {
  const args = argv.slice();
  const baseUrl = args[0] && /^[a-z][a-z0-9+.-]*:/i.test(args[0]) ? args.shift() : process.env.ADDIN_BASE_URL;
  const input = args[0] || path.join(__dirname, '..', 'manifest.xml');
  const output = args[1];
  const xml = productionManifest(fs.readFileSync(input, 'utf8'), baseUrl);
  if (output) fs.writeFileSync(output, xml);
  else process.stdout.write(xml);
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  }
}

module.exports = { productionManifest, normaliseBaseUrl, DEV_BASE_URL };
