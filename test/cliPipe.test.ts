/**
 * `chitieu … | head -1`: the reader closes the pipe after one line. The command must still do
 * its work (write its files) and end with status 0, without a stack trace (EPIPE).
 * Runs the built command line (build/, made by `npm ci`) in a child process.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(__dirname, '..', 'bin', 'chitieu.js');

test('a reader that closes the pipe early: files still written, exit 0, nothing on stderr', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-pipe-'));
  const child = spawn(process.execPath, [BIN, 'demo', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  // Like `head -c 1`: take the first bytes, then close our end.
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  expect(stderr).not.toMatch(/EPIPE|Error:|at .*\.js:\d+/);
  expect(code).toBe(0);
  // The demo's checked workbook and master (see `chitieu demo`): written in spite of the closed pipe.
  expect(existsSync(join(dir, 'ket-qua-bd-cdvc-2024-2024.xlsx'))).toBe(true);
  expect(existsSync(join(dir, 'tong-hop-bd-cdvc-2024-2024.xlsx'))).toBe(true);
}, 120_000);
