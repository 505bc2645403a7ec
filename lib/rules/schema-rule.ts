import type { ShapeIssue } from "../topology/parse";
import type { Finding, RuleMeta } from "./types";

/** SCHEMA: checked by the zod schema before any other rule can run. */
export const schemaRule: RuleMeta = {
  id: "SCHEMA",
  severity: "error",
  title: "The document has the shape of the topology format: known fields only, right types, required fields present.",
  sources: ["FORMAT"],
  fix: "Correct the field as the message says; `pulumi-configmgr schema` prints the JSON Schema for editor completion.",
  structural: true,
};

export function schemaFinding(issue: ShapeIssue, data: unknown): Finding {
  const path = issue.unknownKey === undefined ? issue.path : [...issue.path, issue.unknownKey];
  return {
    object: objectForPath(issue.path, data),
    path,
    // parse.ts words the message and, where it knows one, the fix (the rename a typo needs).
    message: issue.message,
    fix: issue.fix,
  };
}

const IDENTITY: Record<string, [kind: string, field: string, norm: (s: string) => string]> = {
  cas: ["site", "siteCode", (s) => s.toUpperCase()],
  primarySites: ["site", "siteCode", (s) => s.toUpperCase()],
  secondarySites: ["site", "siteCode", (s) => s.toUpperCase()],
  distributionPoints: ["dp", "server", (s) => s.toLowerCase()],
  boundaryGroups: ["bg", "name", (s) => s],
};

/**
 * Schema errors are reported against the object they sit in, named by its identity field
 * when that field itself is readable, by position otherwise (`dp:distributionPoints[2]`).
 */
function objectForPath(path: readonly PropertyKey[], data: unknown): string {
  const [collection, index] = path;
  const identity = IDENTITY[String(collection)];
  if (!identity) return "hierarchy";
  const [kind, field, norm] = identity;
  const root = data as Record<string, unknown> | null;
  const item = collection === "cas" ? root?.cas : typeof index === "number" ? (root?.[String(collection)] as unknown[])?.[index] : undefined;
  const value = item && typeof item === "object" ? (item as Record<string, unknown>)[field] : undefined;
  if (typeof value === "string" && value !== "") return `${kind}:${norm(value)}`;
  return collection === "cas" ? "site:cas" : typeof index === "number" ? `${kind}:${String(collection)}[${index}]` : "hierarchy";
}
