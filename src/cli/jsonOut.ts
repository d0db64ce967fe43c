/**
 * Writes a JSON report without building it as one string: top-level fields indented, each
 * element of a top-level array on its own line. A 100,000-unit report stays readable and the
 * command's memory stays flat.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * @example
 * writeJsonLines('bao-cao.json', { preset: 'x', units: [{ row: 5 }] })
 * // {
 * //   "preset": "x",
 * //   "units": [
 * //     {"row":5}
 * //   ]
 * // }
 */
export function writeJsonLines(path: string, report: object): void {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  const fd = openSync(path, 'w');
  try {
    const entries = Object.entries(report).filter(([, v]) => v !== undefined);
    writeSync(fd, '{\n');
    entries.forEach(([key, value], i) => {
      const comma = i < entries.length - 1 ? ',' : '';
      if (Array.isArray(value)) {
        if (value.length === 0) {
          writeSync(fd, `  ${JSON.stringify(key)}: []${comma}\n`);
          return;
        }
        writeSync(fd, `  ${JSON.stringify(key)}: [\n`);
        let buffer = '';
        value.forEach((item, j) => {
          buffer += `    ${JSON.stringify(item)}${j < value.length - 1 ? ',' : ''}\n`;
          if (buffer.length > 1 << 20) {
            writeSync(fd, buffer);
            buffer = '';
          }
        });
        writeSync(fd, `${buffer}  ]${comma}\n`);
      } else {
        writeSync(fd, `  ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}\n`);
      }
    });
    writeSync(fd, '}\n');
  } finally {
    closeSync(fd);
  }
}
