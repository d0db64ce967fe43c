/**
 * The add-in manifest: it validates offline against the official Office schemas (development and
 * production form), every icon it names exists at the right pixel size, every resource reference
 * resolves, and the strings users see are Vietnamese by default with English overrides.
 *
 * Schemas: ../shared/office-schemas beside the repository (CI clones it there). Validator:
 * xmllint (Debian libxml2-utils). Without either, the schema tests are skipped with a note,
 * except in CI, where that is a failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEV_BASE_URL, productionManifest } from '../tools/manifest';
// The webpack config is CommonJS, loaded as the build loads it.
const webpackConfig = require('../webpack.config.js') as (env?: Record<string, unknown>, argv?: Record<string, unknown>) => Promise<{
  plugins: Array<{ constructor: { name: string }; patterns?: Array<{ to: string; transform?: unknown }> }>;
}>;

const repoRoot = resolve(__dirname, '..');
const manifestPath = join(repoRoot, 'manifest.xml');
const schemaDir = resolve(repoRoot, '..', 'shared', 'office-schemas');
const schemaPath = join(schemaDir, 'OfficeAppManifestV1_1.xsd');
const manifest = readFileSync(manifestPath, 'utf8');

const xmllint = spawnSync('xmllint', ['--version']).status === 0;
const schemas = existsSync(schemaPath);
const canValidate = xmllint && schemas;

const PROD_BASE = 'https://addin.example.vn/chitieu';

function validate(file: string): void {
  const r = spawnSync('xmllint', ['--noout', '--schema', schemaPath, file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`xmllint rejected ${file} (exit ${r.status}):\n${r.stderr}`);
  expect(r.status).toBe(0);
}

// ---------------------------------------------------------------- small XML helpers (our file only)

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1]) : undefined;
}

/** The element `<name …>…</name>` or `<name …/>` holding the attribute `key="value"`, as text. */
function elementWith(xml: string, name: string, key: string, value: string): string {
  const re = new RegExp(`<${name}\\b[^>]*\\s${key}="${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*?(/>|>[\\s\\S]*?</${name}>)`);
  const m = re.exec(xml);
  if (!m) throw new Error(`no <${name} ${key}="${value}">`);
  return m[0];
}

function firstElement(xml: string, name: string): string {
  const m = new RegExp(`<${name}\\b[^>]*?(/>|>[\\s\\S]*?</${name}>)`).exec(xml);
  if (!m) throw new Error(`no <${name}>`);
  return m[0];
}

function enUsOverride(element: string): string | undefined {
  const m = /<(?:bt:)?Override\b[^>]*\sLocale="en-US"[^>]*>/.exec(element);
  return m ? attr(m[0], 'Value') : undefined;
}

/** Resources section: id → { kind, element text } for images, urls, short and long strings. */
function resources(xml: string): Map<string, { kind: string; element: string }> {
  const out = new Map<string, { kind: string; element: string }>();
  const sections: Array<[string, string, string]> = [
    ['Images', 'Image', 'image'],
    ['Urls', 'Url', 'url'],
    ['ShortStrings', 'String', 'short'],
    ['LongStrings', 'String', 'long'],
  ];
  for (const [section, item, kind] of sections) {
    const body = firstElement(xml.slice(xml.indexOf('<Resources>')), `bt:${section}`);
    for (const m of body.matchAll(new RegExp(`<bt:${item}\\b[^>]*?(/>|>[\\s\\S]*?</bt:${item}>)`, 'g'))) {
      const id = attr(m[0], 'id')!;
      expect(out.has(id)).toBe(false); // ids are unique across the resources
      out.set(id, { kind, element: m[0] });
    }
  }
  return out;
}

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(b.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** assets/… file of a development URL. */
function assetFile(url: string): string {
  expect(url.startsWith(`${DEV_BASE_URL}/assets/`)).toBe(true);
  return join(repoRoot, url.slice(DEV_BASE_URL.length + 1));
}

// ---------------------------------------------------------------- schema validation

(canValidate ? describe : describe.skip)('schema validation (xmllint, ../shared/office-schemas)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-manifest-'));

  it('manifest.xml validates against OfficeAppManifestV1_1.xsd', () => {
    validate(manifestPath);
  });

  it(`the production manifest for ${PROD_BASE} validates and names no localhost`, () => {
    const prod = productionManifest(manifest, PROD_BASE);
    expect(prod).not.toMatch(/localhost/i);
    const file = join(dir, 'manifest.xml');
    writeFileSync(file, prod);
    validate(file);
  });

  it('the validator really checks: a misspelt element fails', () => {
    const file = join(dir, 'broken.xml');
    writeFileSync(file, manifest.replace('<Supertip>', '<SuperTip>').replace('</Supertip>', '</SuperTip>'));
    const r = spawnSync('xmllint', ['--noout', '--schema', schemaPath, file], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('SuperTip');
  });
});

if (!canValidate) {
  it('manifest schema validation skipped (fails in CI, which installs xmllint and clones shared/)', () => {
    const missing = [
      xmllint ? '' : 'xmllint not found (apt-get install libxml2-utils)',
      schemas ? '' : `schemas not found at ${schemaDir}`,
    ].filter(Boolean);
    console.warn(`manifest schema validation skipped: ${missing.join('; ')}`);
    expect(process.env.CI).toBeFalsy();
  });
}

// ---------------------------------------------------------------- production transform

describe('productionManifest', () => {
  const prod = productionManifest(manifest, PROD_BASE);

  it('moves every URL under the base URL, the app domain to its origin', () => {
    expect(prod).toContain(`<SourceLocation DefaultValue="${PROD_BASE}/taskpane.html"/>`);
    expect(prod).toContain(`DefaultValue="${PROD_BASE}/commands.html"`);
    expect(prod).toContain(`DefaultValue="${PROD_BASE}/assets/icon-80.png"`);
    expect(prod).toContain('<AppDomain>https://addin.example.vn</AppDomain>');
    expect(prod).not.toContain(DEV_BASE_URL);
    // Nothing but the URLs and comments changed.
    const strip = (s: string) => s.replace(/<!--[\s\S]*?-->/g, '').replace(/\s+/g, ' ');
    expect(strip(prod).replaceAll(PROD_BASE, 'BASE').replace('https://addin.example.vn<', 'BASE<')).toBe(
      strip(manifest).replaceAll(DEV_BASE_URL, 'BASE'),
    );
    expect(prod.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<!-- Production manifest')).toBe(true);
  });

  it('normalises a trailing slash and accepts a bare origin', () => {
    expect(productionManifest(manifest, `${PROD_BASE}/`)).toBe(prod);
    expect(productionManifest(manifest, `${PROD_BASE}///`)).toBe(prod);
    const root = productionManifest(manifest, 'https://addin.example.vn');
    expect(root).toContain('<SourceLocation DefaultValue="https://addin.example.vn/taskpane.html"/>');
    expect(root).toContain('<AppDomain>https://addin.example.vn</AppDomain>');
  });

  it('refuses what Office could not load, with a message that says what to set', () => {
    expect(() => productionManifest(manifest, 'http://addin.example.vn/chitieu')).toThrow(/ADDIN_BASE_URL must be an https:\/\//);
    expect(() => productionManifest(manifest, undefined)).toThrow(/ADDIN_BASE_URL is not set/);
    expect(() => productionManifest(manifest, '  ')).toThrow(/ADDIN_BASE_URL is not set/);
    expect(() => productionManifest(manifest, 'addin.example.vn')).toThrow(/ADDIN_BASE_URL/);
    expect(() => productionManifest(manifest, 'https://addin.example.vn/?v=1')).toThrow(/query/);
    expect(() => productionManifest(manifest, 'https://user:pw@addin.example.vn/')).toThrow(/password/);
    expect(() => productionManifest(prod, PROD_BASE)).toThrow(/no https:\/\/localhost:3000/);
  });

  it('escapes the base URL for XML', () => {
    const odd = productionManifest(manifest, "https://addin.example.vn/a&b'c");
    expect(odd).toContain('DefaultValue="https://addin.example.vn/a&amp;b&apos;c/taskpane.html"');
  });
});

// ---------------------------------------------------------------- content

describe('manifest content', () => {
  const res = resources(manifest);

  it('is an Excel task pane add-in with a fixed id, ReadWriteDocument and ExcelApi 1.9', () => {
    expect(manifest).toMatch(/<OfficeApp\b[^>]*xsi:type="TaskPaneApp"/);
    expect(manifest).toContain('<Id>96cc438f-adfa-4370-aa90-7f176e9a24b5</Id>');
    expect(manifest).toContain('<Version>1.0.0.0</Version>');
    expect(manifest).toMatch(/<Hosts>\s*<Host Name="Workbook"\/>\s*<\/Hosts>/);
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1\.9"\/>/);
    expect(manifest).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(manifest).toContain(`<SourceLocation DefaultValue="${DEV_BASE_URL}/taskpane.html"/>`);
    expect(manifest).toContain('xsi:type="VersionOverridesV1_0"');
    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
  });

  it('every resid names a resource of the right kind', () => {
    const kindOf: Record<string, string> = {
      'bt:Image': 'image',
      SourceLocation: 'url',
      FunctionFile: 'url',
      LearnMoreUrl: 'url',
      Label: 'short',
      Title: 'short',
      Description: 'long',
    };
    const refs = [...manifest.matchAll(/<([\w:]+)\b[^>]*\sresid="([^"]+)"/g)];
    expect(refs.length).toBeGreaterThan(10);
    for (const [, element, id] of refs) {
      expect({ element, id, kind: res.get(id)?.kind }).toEqual({ element, id, kind: kindOf[element] });
    }
    expect(res.get('Taskpane.Url')!.element).toContain(`"${DEV_BASE_URL}/taskpane.html"`);
    expect(res.get('Commands.Url')!.element).toContain(`"${DEV_BASE_URL}/commands.html"`);
    // The button opens the task pane declared in DefaultSettings.
    const action = firstElement(manifest, 'Action');
    expect(action).toContain('xsi:type="ShowTaskpane"');
    expect(action).toContain('<SourceLocation resid="Taskpane.Url"/>');
  });

  it('every icon exists in assets/ at the size the manifest says', () => {
    const iconLists = [...manifest.matchAll(/<Icon>([\s\S]*?)<\/Icon>/g)].map((m) => m[1]);
    expect(iconLists).toHaveLength(2); // the group and the button
    for (const list of iconLists) {
      const images = [...list.matchAll(/<bt:Image\b[^>]*>/g)].map((m) => ({ size: Number(attr(m[0], 'size')), resid: attr(m[0], 'resid')! }));
      // Every size the schema lets a ribbon icon have: 16, 32, 80 required; 20, 24, 40, 48, 64
      // optional (OfficeAppBasicTypesV1_0.xsd; office-js-docs-pr docs/design/add-in-icons-fresh.md).
      expect(images.map((i) => i.size).sort((a, b) => a - b)).toEqual([16, 20, 24, 32, 40, 48, 64, 80]);
      for (const { size, resid } of images) {
        const url = attr(res.get(resid)!.element, 'DefaultValue')!;
        expect(pngSize(assetFile(url))).toEqual({ width: size, height: size });
      }
    }
    const top: Array<[string, number]> = [
      ['IconUrl', 32],
      ['HighResolutionIconUrl', 64],
    ];
    for (const [name, size] of top) {
      const url = attr(firstElement(manifest, name), 'DefaultValue')!;
      expect(pngSize(assetFile(url))).toEqual({ width: size, height: size });
    }
    // Every asset URL points at a file; the store/high-DPI sizes are there too.
    for (const m of manifest.matchAll(/https:\/\/localhost:3000\/(assets\/[^"<\s]+)/g)) {
      expect(existsSync(join(repoRoot, m[1]))).toBe(true);
    }
    for (const size of [16, 20, 24, 32, 40, 48, 64, 80, 128]) {
      expect(pngSize(join(repoRoot, 'assets', `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
  });

  it('is Vietnamese by default with en-US overrides for the name and the button', () => {
    expect(manifest).toContain('<DefaultLocale>vi-VN</DefaultLocale>');
    expect(manifest).toContain('<ProviderName>Chỉ tiêu CĐCS</ProviderName>');

    const displayName = firstElement(manifest, 'DisplayName');
    expect(attr(displayName, 'DefaultValue')).toBe('Chỉ tiêu CĐCS');
    expect(enUsOverride(displayName)).toBeTruthy();

    const description = firstElement(manifest, 'Description');
    expect(attr(description, 'DefaultValue')).toMatch(/kiểm tra số liệu/i);
    expect(attr(description, 'DefaultValue')).toContain('Tổng hợp');
    expect(enUsOverride(description)).toMatch(/union/i);

    const button = elementWith(manifest, 'Control', 'xsi:type', 'Button');
    const labelId = /<Label resid="([^"]+)"\/>/.exec(button)![1];
    const label = res.get(labelId)!.element;
    expect(attr(label, 'DefaultValue')).toBe('Chỉ tiêu CĐCS');
    expect(enUsOverride(label)).toBeTruthy();
    const groupLabelId = /<Group\b[^>]*>\s*<Label resid="([^"]+)"\/>/.exec(manifest)![1];
    expect(attr(res.get(groupLabelId)!.element, 'DefaultValue')).toBe('Chỉ tiêu CĐCS');

    // Every string resource users can see has an English version.
    for (const [id, { kind, element }] of res) {
      if (kind === 'short' || kind === 'long') expect({ id, en: Boolean(enUsOverride(element)) }).toEqual({ id, en: true });
    }
  });
});

// ---------------------------------------------------------------- production build without ADDIN_BASE_URL

describe('production build', () => {
  /** Runs `fn` with ADDIN_BASE_URL set to `value` (or unset), restoring it after. */
  async function withBaseUrl<T>(value: string | undefined, fn: () => Promise<T>): Promise<T> {
    const saved = process.env.ADDIN_BASE_URL;
    if (value === undefined) delete process.env.ADDIN_BASE_URL;
    else process.env.ADDIN_BASE_URL = value;
    try {
      return await fn();
    } finally {
      if (saved === undefined) delete process.env.ADDIN_BASE_URL;
      else process.env.ADDIN_BASE_URL = saved;
    }
  }

  function manifestPattern(config: Awaited<ReturnType<typeof webpackConfig>>) {
    const copy = config.plugins.find((p) => p.constructor.name === 'CopyPlugin');
    return copy?.patterns?.find((p) => p.to === 'manifest.xml');
  }

  it('refuses to configure a production build without ADDIN_BASE_URL, saying what to set', async () => {
    await withBaseUrl(undefined, async () => {
      await expect(webpackConfig({}, { mode: 'production' })).rejects.toThrow(/Thiếu ADDIN_BASE_URL[\s\S]*npm run build:local/);
    });
    await withBaseUrl('', async () => {
      await expect(webpackConfig({}, { mode: 'production' })).rejects.toThrow(/ADDIN_BASE_URL is not set/);
    });
  });

  it('with ADDIN_BASE_URL the manifest is transformed; build:local (--env local) keeps the development one on purpose', async () => {
    const set = await withBaseUrl(PROD_BASE, () => webpackConfig({}, { mode: 'production' }));
    expect(typeof manifestPattern(set)?.transform).toBe('function');
    const local = await withBaseUrl(undefined, () => webpackConfig({ local: true }, { mode: 'production' }));
    expect(manifestPattern(local)?.transform).toBeUndefined();
    // The development server and the browser-mode server never need it.
    await withBaseUrl(undefined, () => webpackConfig({ WEBPACK_SERVE: true, browser: true }, { mode: 'production' }));
  });

  it('`webpack --mode production` without ADDIN_BASE_URL exits non-zero with the message and writes nothing', () => {
    // Into a scratch folder, so that a regression could never clean dist/ under the other tests.
    const out = mkdtempSync(join(tmpdir(), 'chitieu-build-'));
    const env = { ...process.env };
    delete env.ADDIN_BASE_URL;
    const r = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', out], {
      cwd: repoRoot,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).not.toBe(0);
    expect(r.status).not.toBeNull(); // exited, not killed by the timeout
    expect(`${r.stdout}${r.stderr}`).toContain('Thiếu ADDIN_BASE_URL');
    expect(existsSync(join(out, 'manifest.xml'))).toBe(false);
    expect(existsSync(join(out, 'taskpane.html'))).toBe(false);
  });
});
