#!/usr/bin/env node
'use strict';
// The compiled command line lives in build/ (made by `npm ci` through the `prepare` script).
const path = require('path');
const fs = require('fs');
const main = path.join(__dirname, '..', 'build', 'src', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write('chitieu: chưa biên dịch. Hãy chạy "npm ci" (hoặc "npm run build:cli") trong thư mục dự án.\n');
  process.exit(2);
}
require(main).run(process.argv.slice(2)).then((code) => { process.exitCode = code; });
