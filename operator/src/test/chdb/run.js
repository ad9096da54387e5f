// Runs SQL statements on chDB, the ClickHouse engine as a library, for the operator's modern-dialect tests.
// stdin: {"statements": ["SQL", ...]}; each runs in order in one session (a fresh temp dir).
// stdout: {"results": ["text output", ...]} or {"error": "message", "index": n, "results": [...]}.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { Session } = require('chdb');

const input = JSON.parse(fs.readFileSync(0, 'utf8'));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pulseboard-chdb-'));
const session = new Session(dir);
const results = [];
let failure = null;
try {
  for (let i = 0; i < input.statements.length; i++) {
    try {
      results.push(session.query(input.statements[i], 'JSONEachRow'));
    } catch (e) {
      failure = { error: String(e.message || e), index: i };
      break;
    }
  }
} finally {
  session.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify(Object.assign({ results }, failure || {})));
