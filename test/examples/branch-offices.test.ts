import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { topologyFromCsv } from "../../examples/branch-offices/topology-from-csv";
import { validateDocument } from "../../lib/rules/engine";
import { readTopologyFile } from "../../lib/topology/load";

const dir = join(__dirname, "../../examples/branch-offices");
const HEADER = "# yaml-language-server: $schema=../../schema/topology.schema.json\n# Generated from offices.csv by topology-from-csv.ts (UPDATE_GOLDEN=1 npm test regenerates it).\n";

describe("examples/branch-offices", () => {
  const generated = HEADER + stringify(topologyFromCsv(readFileSync(join(dir, "offices.csv"), "utf8")));

  it("topology.yaml is what offices.csv generates", () => {
    if (process.env.UPDATE_GOLDEN) writeFileSync(join(dir, "topology.yaml"), generated);
    expect(readFileSync(join(dir, "topology.yaml"), "utf8")).toBe(generated);
  });

  it("validates with no error; small offices are pull DPs and Windows 11 DPs answer PXE without WDS", () => {
    const result = validateDocument(readTopologyFile(join(dir, "topology.yaml")));
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const model = result.model!;
    expect(model.dps.length).toBeGreaterThan(30);
    for (const dp of model.dps) {
      if (dp.doc.os === "windows-11") expect(dp.doc.pxe).toMatchObject({ enabled: true, responderWithoutWds: true });
      if (dp.load < 200 && !dp.server.startsWith("sec-")) expect(dp.pull, dp.server).toBe(true);
    }
    expect(model.secondaries.map((s) => s.code)).toEqual(["S01", "S02"]);
  });
});
