/**
 * Bundles a test harness (a .tsx entry that renders the pane on an in-memory workbook) with the
 * project's TypeScript settings into a folder with a taskpane.html, for the Chromium tests.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import webpack from 'webpack';

const ROOT = join(__dirname, '..', '..');

/** Bundles `entry` as `dir/harness.js` (development mode: no minifying, it only has to run) beside a page that loads it. */
export async function bundleHarness(entry: string, dir: string): Promise<void> {
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    context: ROOT,
    entry,
    output: { path: dir, filename: 'harness.js' },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: join(ROOT, 'tsconfig.json'), compilerOptions: { module: 'esnext' } } },
        },
      ],
    },
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err || !stats || stats.hasErrors()) reject(err ?? new Error(stats?.toString('errors-only')));
      else resolve();
    }),
  );
  writeFileSync(
    join(dir, 'taskpane.html'),
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Chỉ tiêu CĐCS</title></head><body><div id="root"></div><script src="harness.js"></script></body></html>',
  );
}
