import { z } from "zod";
import { CATALOG } from "../rules/catalog";
import { topologySchema } from "../topology/schema";
import { ACCEPTED_VERSIONS, NEWEST_KNOWN } from "../topology/version";
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

// ---------------------------------------------------------------------------------------------
// What validate checks beyond the shape, where a JSON Schema can say it too (ECMA-262 patterns,
// no flags: case-insensitivity is spelt out). test/cli/schema-verdicts.test.ts compares the
// schema's verdict with validate's over every rule's test table.

/** `2012 R2 SP1` → a pattern that takes it in any case and with any run of blanks (parseVersion's tolerance). */
const anyCase = (word: string) =>
  [...word].map((ch) => (/[a-z]/i.test(ch) ? `[${ch.toUpperCase()}${ch.toLowerCase()}]` : ch === " " ? "\\s+" : ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("");

/** A well-formed YYMM after the newest known release (VERSION-FORMAT warns about it, it does not refuse it). */
function newerYymm(): string {
  const yy = Number(NEWEST_KNOWN.slice(0, 2));
  const mm = Number(NEWEST_KNOWN.slice(2));
  const two = (n: number) => String(n).padStart(2, "0");
  const laterMonths = Array.from({ length: 12 - mm }, (_, i) => two(mm + 1 + i));
  const laterYears = Array.from({ length: 99 - yy }, (_, i) => two(yy + 1 + i));
  const anyMonth = "(0[1-9]|1[0-2])";
  return [...(laterMonths.length ? [`${two(yy)}(${laterMonths.join("|")})`] : []), ...(laterYears.length ? [`(${laterYears.join("|")})${anyMonth}`] : [])].join("|");
}

/** VERSION-FORMAT: one of the accepted versions, or a YYMM newer than all of them; blanks around allowed. */
export const VERSION_PATTERN = `^\\s*(${[...ACCEPTED_VERSIONS.map(anyCase), newerYymm()].join("|")})\\s*$`;
/** SITECODE-FORMAT (letters of any case: they are upper-cased) and SITECODE-RESERVED. */
export const SITE_CODE_PATTERN = `^(?!(${["AUX", "CON", "NUL", "PRN", "SMS", "ENV"].map(anyCase).join("|")})$)[A-Za-z0-9]{3}$`;
const LABEL = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
/** HOST-NAME: an FQDN of 253 characters at most, labels of 1–63 letters, digits or inner hyphens, two labels at least. */
export const FQDN_PATTERN = `^(?=.{1,253}$)${LABEL}(\\.${LABEL})+$`;
/** HOST-NAME for site servers and DP hosts: also a first label (the NetBIOS name) of at most 15 characters. */
export const WINDOWS_HOST_PATTERN = `^(?=[^.]{1,15}\\.)(?=.{1,253}$)${LABEL}(\\.${LABEL})+$`;
/** HOST-NAME for the domain: a NetBIOS domain name (no dots, spaces or \\ / : * ? " < > |), 15 characters at most. */
export const NETBIOS_DOMAIN_PATTERN = `^[^\\\\/:*?"<>|.\\s]{1,15}$`;
/** WAIVER-INVALID, the parts a schema can see: a waivable rule id (errors, not structural; any case), a reason that is not blank. */
export const WAIVABLE_RULE_PATTERN = `^(${[...CATALOG.values()]
  .filter((r) => r.severity === "error" && !r.structural)
  .map((r) => anyCase(r.id))
  .join("|")})$`;
export const NOT_BLANK_PATTERN = "\\S";
/** PXE-DELAY: 0 to 32 seconds. */
export const PXE_DELAY = { minimum: 0, maximum: 32 };

/** Rules whose every verdict the schema gives as well, and rules it covers in part. */
export const SCHEMA_COVERS = { fully: ["SCHEMA", "VERSION-FORMAT", "SITECODE-FORMAT", "SITECODE-RESERVED", "HOST-NAME", "PXE-DELAY"], partly: ["WAIVER-INVALID"] } as const;

function constrain(paths: Map<string, JsonSchema>, path: string, extra: Record<string, unknown>): void {
  const node = paths.get(path);
  if (!node) throw new Error(`json-schema: no property ${path}`); // a renamed field must not silently lose its check
  Object.assign(node, extra);
}

function addRuleChecks(paths: Map<string, JsonSchema>): void {
  constrain(paths, "configMgrVersion", { pattern: VERSION_PATTERN });
  constrain(paths, "domain", { pattern: NETBIOS_DOMAIN_PATTERN });
  for (const p of ["cas.siteCode", "primarySites[].siteCode", "secondarySites[].siteCode"]) constrain(paths, p, { pattern: SITE_CODE_PATTERN });
  for (const p of ["cas.server", "primarySites[].server", "secondarySites[].server", "distributionPoints[].server"]) constrain(paths, p, { pattern: WINDOWS_HOST_PATTERN });
  for (const p of ["distributionPoints[].pull.sources[].server", "distributionPoints[].proxy.server"]) constrain(paths, p, { pattern: FQDN_PATTERN });
  constrain(paths, "distributionPoints[].pxe.responseDelaySeconds", PXE_DELAY);
  constrain(paths, "waivers[].rule", { pattern: WAIVABLE_RULE_PATTERN });
  constrain(paths, "waivers[].reason", { pattern: NOT_BLANK_PATTERN });
}

/** SCHEMA's own refinement: no control characters or line breaks in any text (they would end up in PowerShell literals). */
const NO_CONTROL = "^[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]*$";

function addTextChecks(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(addTextChecks);
  if (!node || typeof node !== "object") return;
  const n = node as JsonSchema;
  if (n.type === "string" && n.minLength === 1 && n.maxLength === 1024) {
    if (n.pattern === undefined) n.pattern = NO_CONTROL;
    else n.allOf = [...((n.allOf as unknown[]) ?? []), { pattern: NO_CONTROL }];
  }
  for (const v of Object.values(n)) addTextChecks(v);
}

/**
 * JSON Schema (draft 2020-12) of what a user writes: zod's input side, so fields with
 * defaults are optional. It also says what validate says wherever a JSON Schema can (version,
 * site codes, host and domain names, PXE delay, waiver rule ids and reasons); editors get
 * titles, descriptions and version suggestions.
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
  addRuleChecks(paths);
  addTextChecks(generated);
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
