import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runSchema, schemaPaths, schemaText, topologyJsonSchema } from "../../lib/cli/json-schema";
import { DESCRIPTIONS } from "../../lib/cli/schema-descriptions";
import { runValidate } from "../../lib/cli/validate";
import { captureIo, labYaml, writeDoc } from "./helpers";

const committed = join(__dirname, "../../schema/topology.schema.json");

describe("schema", () => {
  it("the committed schema/topology.schema.json is the generated one (regenerate: node dist/cli/main.js schema > schema/topology.schema.json)", () => {
    expect(readFileSync(committed, "utf8")).toBe(schemaText());
  });

  it("prints the JSON Schema of what users write: defaults make fields optional, unknown fields are refused", () => {
    const io = captureIo();
    expect(runSchema({}, io)).toBe(0);
    const schema = JSON.parse(io.out());
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.title).toMatch(/topology/);
    expect(schema.required).toEqual(["configMgrVersion", "domain", "primarySites"]);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.$schema.type).toBe("string");
    const dp = schema.properties.distributionPoints.items;
    expect(dp.required).toEqual(["server", "site", "os", "edition", "architecture", "hardware"]);
    expect(dp.properties.prepareHost).toMatchObject({ type: "boolean", default: true });
    expect(dp.properties.os.enum).toContain("windows-7");
    expect(dp.additionalProperties).toBe(false);
    expect(schema.properties.configMgrVersion.examples).toContain("2509");
    expect(schema.properties.boundaryGroups.items.properties.boundaries.items).toMatchObject({ minProperties: 1, maxProperties: 1 });
  });

  it("describes every field for editors, and every description names a field that exists", () => {
    const paths = schemaPaths(topologyJsonSchema() as never);
    for (const key of Object.keys(DESCRIPTIONS)) expect(paths.has(key), key).toBe(true);
    const undescribed = [...paths].filter(([, node]) => typeof node.description !== "string").map(([p]) => p);
    expect(undescribed).toEqual([]);
  });

  it("a document may name the schema in a $schema key and still validate clean", () => {
    const file = writeDoc("with-schema.yaml", `$schema: ../../schema/topology.schema.json\n${labYaml()}`);
    expect(runValidate({ files: [file] }, captureIo())).toBe(0);
  });
});
