// Ruff's WebAssembly build over files: node ruff_check.js SELECT FILE...
const fs = require("fs");
const { Workspace, PositionEncoding } = require("@astral-sh/ruff-wasm-nodejs");
const select = process.argv[2].split(",");
const ws = new Workspace({ lint: { select, preview: true, "mccabe": {"max-complexity": 10} } }, PositionEncoding.Utf16);
let n = 0;
for (const f of process.argv.slice(3)) n += ws.check(fs.readFileSync(f, "utf8")).length;
console.log(n + " diagnostics");
