import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../lib/cli/main";

/** `npm run validate -- <example>` prints what the example's README says it prints. */
function validateOutput(file: string): { out: string; code: number } {
  let out = "";
  const sink = { write: (s: string) => ((out += s), true) };
  const code = runCli(["validate", file], { stdout: sink as never, stderr: sink as never, isTTY: false });
  return { out, code };
}

/** The last fenced block of a README that is not a shell command: what the README promises. */
function promised(readme: string): string {
  const blocks = [...readme.matchAll(/```(\w*)\n([\s\S]*?)```/g)].filter((m) => m[1] === "");
  return blocks[blocks.length - 1][2].trim();
}

describe("example READMEs", () => {
  for (const [name, exit] of [["lab", 0], ["branch-offices", 0], ["limits", 1]] as const) {
    it(`examples/${name}: validate prints what the README says`, () => {
      const root = join(__dirname, "../..");
      const readme = readFileSync(join(root, "examples", name, "README.md"), "utf8");
      const { out, code } = validateOutput(join("examples", name, "topology.yaml"));
      expect(code).toBe(exit);
      const want = promised(readme);
      if (exit === 0) expect(out.trim()).toBe(want);
      else expect(out.trim().endsWith(want)).toBe(true);
    });
  }
});
