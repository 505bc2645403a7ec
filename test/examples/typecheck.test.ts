import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";

it("the example programs type-check against the package as a user imports it ('pulumi-configmgr')", () => {
  const root = join(__dirname, "../..");
  const run = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "examples/tsconfig.json")], {
    encoding: "utf8",
  });
  expect(run.stdout + run.stderr).toBe("");
  expect(run.status).toBe(0);
});
