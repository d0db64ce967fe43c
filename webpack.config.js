/**
 * Builds the add-in's pages into dist/: the task pane (React; Office mode, plus the browser mode
 * as a separate chunk) and the ribbon's function file, with a strict Content-Security-Policy.
 *
 *   npm run build          production build; needs ADDIN_BASE_URL (dist/manifest.xml points there)
 *   npm run build:local    the same bundles with the development manifest (tests, trying it here)
 *   npm start              HTTPS dev server on https://localhost:3000 (office-addin-dev-certs) + sideloading
 *   npm run serve:browser  the production pane over plain http://localhost:3001, for the browser mode
 */
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const path = require('node:path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const OFFICE_ORIGIN = 'https://appsforoffice.microsoft.com';
const OFFICE_JS = `${OFFICE_ORIGIN}/lib/1/hosted/office.js`;
const DEV_PORT = 3000;
const BROWSER_PORT = 3001;
const DIST = path.resolve(__dirname, 'dist');
/**
 * The newest syntax any shipped script may use (ours and the dependencies'). ES2020 is what
 * Safari 14 (macOS 11 / iPadOS 14) parses in full; test/e2e/es2020.test.ts parses dist/ with it.
 */
const ES_TARGET = 'es2020';

/**
 * The start-up shell's script (src/startup/startup.js), inlined into taskpane.html so that it runs
 * before anything is fetched; the CSP allows exactly this text by its SHA-256, not inline scripts
 * in general.
 */
const STARTUP_SCRIPT = readFileSync(path.join(__dirname, 'src', 'startup', 'startup.js'), 'utf8');
const STARTUP_SCRIPT_HASH = `'sha256-${createHash('sha256').update(STARTUP_SCRIPT, 'utf8').digest('base64')}'`;

/**
 * No request leaves for anywhere but this origin and Office.js's own CDN: member data never
 * leaves the machine, and there is no telemetry. Styles must allow inline because Griffel
 * (Fluent UI) inserts its rules at run time (and the start-up shell's <style>). The dev server
 * adds its live-reload socket. README.md ("Content-Security-Policy") says what office.js needs
 * and why each source is there.
 */
function contentSecurityPolicy({ devServer, scriptHashes = [] }) {
  const connect = ["'self'", OFFICE_ORIGIN];
  if (devServer) connect.push(`wss://localhost:${DEV_PORT}`);
  return [
    "default-src 'self'",
    ['script-src', "'self'", OFFICE_ORIGIN, ...scriptHashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    // Excel on the web, on a host office.js does not recognise (Office Online Server, say), asks
    // the user to trust it in a hidden frame from its own CDN (AgaveErrorUX/index.html): without
    // this, Office.onReady would never answer there.
    `frame-src ${OFFICE_ORIGIN}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Said when a production build has no ADDIN_BASE_URL: a dist/ whose manifest points at
 * https://localhost:3000 installs without complaint and then shows every user an empty pane,
 * so the build stops instead (exit status 1). Vietnamese first (the organisation's IT builds
 * it), then the same in English.
 */
const MISSING_BASE_URL = [
  'Thiếu ADDIN_BASE_URL: bản build chính thức cần địa chỉ HTTPS nơi sẽ đặt thư mục dist/,',
  'để manifest.xml trỏ tới đó (không phải https://localhost:3000). Ví dụ:',
  '  ADDIN_BASE_URL=https://addin.example.vn/chitieu npm run build',
  'Chỉ để chạy thử trên máy này (manifest vẫn trỏ tới localhost): npm run build:local',
  '',
  'ADDIN_BASE_URL is not set: a production build needs the https address where dist/ will be served,',
  'so that dist/manifest.xml points there. For a local build with the development manifest: npm run build:local',
].join('\n');

/**
 * The manifest copied into dist/: pointed at ADDIN_BASE_URL in production builds. Without it a
 * production build fails, unless `--env local` (npm run build:local, used by the tests) asks
 * for the development manifest on purpose.
 */
function manifestTransform(production, local) {
  if (!production) return undefined;
  const base = process.env.ADDIN_BASE_URL;
  if (!base) {
    if (local) return undefined;
    const error = new Error(MISSING_BASE_URL);
    // webpack-cli prints the stack: keep it to the message, which says all there is to say.
    error.stack = MISSING_BASE_URL;
    throw error;
  }
  let productionManifest;
  try {
    ({ productionManifest } = require('./tools/manifest.js'));
  } catch (e) {
    throw new Error(`ADDIN_BASE_URL is set, but tools/manifest.js (productionManifest) could not be loaded: ${e.message}`);
  }
  return (content) => productionManifest(content.toString('utf8'), base);
}

/** HTTPS options for the Office dev server; creating certificates only when serving. */
async function httpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  return devCerts.getHttpsServerOptions();
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const serving = !!env.WEBPACK_SERVE;
  // `--env browser`: serve the pane over http for the browser mode (no certificates, no socket).
  const browserServe = serving && !!env.browser;
  const officeServe = serving && !browserServe;
  const csp = contentSecurityPolicy({ devServer: officeServe });
  const paneCsp = contentSecurityPolicy({ devServer: officeServe, scriptHashes: [STARTUP_SCRIPT_HASH] });
  const transform = manifestTransform(production && !serving, !!env.local);
  const names = production ? '[name].[contenthash:8].js' : '[name].js';

  return {
    mode: production ? 'production' : 'development',
    // Eval-based source maps would need 'unsafe-eval', which the CSP forbids.
    devtool: production ? false : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: DIST,
      filename: names,
      chunkFilename: names,
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          // The dependencies too: Fluent UI's (tabster, @floating-ui, …) ship ES2021/ES2022 syntax
          // (`??=`, class fields, `static {}` blocks) that an older Safari WebView — Office on Mac
          // and iPad — cannot parse, leaving the pane blank. esbuild lowers it to ES2020 in a few
          // hundred milliseconds for all of node_modules (babel-loader with preset-env took far
          // longer and needs a config of its own); test/e2e/es2020.test.ts checks the output.
          test: /\.[cm]?js$/,
          include: /node_modules/,
          loader: 'esbuild-loader',
          options: { target: ES_TARGET },
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              compilerOptions: {
                // ES modules, so import() becomes a separate chunk (the repo's tsconfig emits CommonJS for Node).
                module: 'esnext',
                // Safari's WebKit in Excel for Mac: keep to syntax it has had for years.
                target: ES_TARGET,
                sourceMap: !production,
              },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        // Left readable: the pages are small, and the CSP is easier to audit as written. Not
        // minified also keeps the inline start-up script byte for byte what its hash says.
        minify: false,
        csp: paneCsp,
        startupScript: STARTUP_SCRIPT,
        officeJs: OFFICE_JS,
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        minify: false,
        csp,
        officeJs: OFFICE_JS,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets', noErrorOnMissing: true },
          { from: 'manifest.xml', to: 'manifest.xml', noErrorOnMissing: true, ...(transform ? { transform } : {}) },
        ],
      }),
    ],
    optimization: {
      // webpack's own HTML minifier would rewrite the pages (minify: false above is for html-webpack-plugin's).
      minimizeOptions: { html: false },
      // The browser mode is one async chunk (its code, the xlsx adapter and fflate together),
      // rather than a browser chunk plus an anonymous vendors chunk.
      splitChunks: { cacheGroups: { defaultVendors: false, default: false } },
    },
    performance: { hints: false },
    devServer: browserServe
      ? {
          port: BROWSER_PORT,
          host: 'localhost',
          server: 'http',
          hot: false,
          liveReload: false,
          client: false,
          static: false,
          devMiddleware: { index: 'taskpane.html' },
        }
      : {
          port: DEV_PORT,
          server: { type: 'https', options: officeServe ? await httpsOptions() : {} },
          headers: { 'Access-Control-Allow-Origin': '*' },
          hot: false,
          liveReload: true,
          static: false,
          devMiddleware: { index: 'taskpane.html' },
        },
  };
};
