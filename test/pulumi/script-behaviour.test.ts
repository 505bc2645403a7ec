import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scriptBehaviour } from "../../lib/pulumi/script-behaviour";

const dir = mkdtempSync(join(tmpdir(), "configmgr-ps1-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("scriptBehaviour", () => {
  it("reads the # behaviour-version line of every .ps1 file, by file name", () => {
    writeFileSync(join(dir, "dp-role.ps1"), "# behaviour-version: 3\r\n$x = 1\n");
    writeFileSync(join(dir, "common.ps1"), "# behaviour-version: 1\nfunction Write-Result {}\n");
    writeFileSync(join(dir, "notes.txt"), "# behaviour-version: 9\n");
    writeFileSync(join(dir, "unversioned.ps1"), "$y = 2\n");
    expect(scriptBehaviour(dir)).toEqual({ "common.ps1": 1, "dp-role.ps1": 3 });
  });

  it("is empty where the library ships no .ps1 files", () => {
    expect(scriptBehaviour(join(dir, "missing"))).toEqual({});
  });
});
