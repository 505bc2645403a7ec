import { z } from "zod";
import { topologySchema } from "../topology/schema";
import { ACCEPTED_VERSIONS } from "../topology/version";
import { guarded, EXIT_OK, EXIT_USAGE, writeOutput, type CliIo } from "./io";
import { DESCRIPTIONS } from "./schema-descriptions";

type JsonSchema = Record<string, unknown> & {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
};

/** The property paths of a schema: `distributionPoints[].hardware.cores`. */
export function schemaPaths(node: JsonSchema, prefix = ""): Map<string, JsonSchema> {
  const out = new Map<string, JsonSchema>();
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const path = prefix === "" ? key : `${prefix}.${key}`;
    out.set(path, child);
    for (const [p, n] of schemaPaths(child, path)) out.set(p, n);
    if (child.items) for (const [p, n] of schemaPaths(child.items, `${path}[]`)) out.set(p, n);
  }
  return out;
}

/**
 * JSON Schema (draft 2020-12) of what a user writes: zod's input side, so fields with
 * defaults are optional. Format checks that have their own rule id (site codes, host names,
 * versions …) stay out of it; editors get titles, descriptions and version suggestions.
 */
export function topologyJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(topologySchema, { io: "input", target: "draft-2020-12" }) as JsonSchema;
  const paths = schemaPaths(generated);
  for (const [path, description] of Object.entries(DESCRIPTIONS)) {
    const node = paths.get(path);
    if (node && node.description === undefined) node.description = description;
  }
  const version = paths.get("configMgrVersion");
  if (version) version.examples = [...ACCEPTED_VERSIONS];
  // zod's refine (exactly one key per boundary) has no JSON form of its own.
  const boundary = paths.get("boundaryGroups[].boundaries")?.items;
  if (boundary) Object.assign(boundary, { minProperties: 1, maxProperties: 1 });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: "pulumi-configmgr topology document (format v1)",
    description:
      "One Configuration Manager hierarchy: sites, boundary groups and distribution points. Check it with `pulumi-configmgr validate <file>`.",
    ...rest,
  };
}

export function schemaText(): string {
  return `${JSON.stringify(topologyJsonSchema(), null, 2)}\n`;
}

/** `pulumi-configmgr schema`: the JSON Schema on stdout. */
export function runSchema(args: { readonly output?: string }, io: CliIo): number {
  return guarded(io, () => (writeOutput(io, "schema", args.output, schemaText()) ? EXIT_OK : EXIT_USAGE));
}
