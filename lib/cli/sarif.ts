import { pathToFileURL } from "node:url";
import { CATALOG } from "../rules/catalog";
import { SOURCES } from "../rules/sources";
import type { Diagnostic, RuleMeta } from "../rules/types";
import { repoRelative } from "./locations";

/**
 * SARIF 2.1.0 (OASIS), as GitHub code scanning and other viewers read it: one run, the whole
 * rule catalog (level, help URI, fix), one result per diagnostic at its file/line/column, waived
 * errors as suppressed results with the waiver's reason.
 */

export const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const SRCROOT = "SRCROOT";

const isUrl = (s: string) => /^https?:\/\//.test(s);

function sourcesOf(meta: RuleMeta): { short: string; url: string }[] {
  return meta.sources.map((k) => SOURCES[k]);
}

function ruleDescriptor(meta: RuleMeta) {
  const sources = sourcesOf(meta);
  const url = sources.map((s) => s.url).find(isUrl);
  const details = [
    meta.value ? `Value: ${meta.value}.` : undefined,
    `Fix: ${meta.fix}`,
    `Source: ${sources.map((s) => (isUrl(s.url) ? `${s.short} (${s.url})` : s.url)).join("; ")}.`,
    meta.structural ? "Structural: cannot be waived." : meta.severity === "error" ? "Can be waived in the document's `waivers`." : undefined,
  ].filter((x): x is string => x !== undefined);
  const markdown = [
    meta.title,
    "",
    ...(meta.value ? [`**Value:** ${meta.value}`, ""] : []),
    `**Fix:** ${meta.fix}`,
    "",
    `**Source:** ${sources.map((s) => (isUrl(s.url) ? `[${s.short}](${s.url})` : s.url)).join(", ")}`,
  ].join("\n");
  return {
    id: meta.id,
    name: meta.id
      .toLowerCase()
      .split("-")
      .map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1)))
      .join(""),
    shortDescription: { text: meta.title },
    fullDescription: { text: [meta.title, ...details].join(" ") },
    ...(url ? { helpUri: url } : {}),
    help: { text: details.join(" "), markdown },
    defaultConfiguration: { level: meta.severity },
    properties: { tags: ["configmgr"], waivable: !meta.structural && meta.severity === "error" },
  };
}

export interface SarifOptions {
  readonly toolVersion: string;
  /** Paths are made relative to it (the repository root in CI): process.cwd() by default. */
  readonly cwd?: string;
}

export function sarifLog(diagnostics: readonly Diagnostic[], options: SarifOptions) {
  const cwd = options.cwd ?? process.cwd();
  const rules = [...CATALOG.values()];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = diagnostics.map((d) => {
    const uri = repoRelative(d.file, cwd);
    const relativeToRoot = uri !== undefined && !uri.startsWith("/");
    const physical =
      uri === undefined
        ? undefined
        : {
            artifactLocation: {
              uri: relativeToRoot ? encodeURI(uri) : pathToFileURL(uri).href,
              ...(relativeToRoot ? { uriBaseId: SRCROOT } : {}),
            },
            ...(d.line !== undefined ? { region: { startLine: d.line, startColumn: d.column ?? 1 } } : {}),
          };
    return {
      ruleId: d.rule,
      ...(index.has(d.rule) ? { ruleIndex: index.get(d.rule) } : {}),
      level: d.severity,
      message: { text: `${d.object} ${d.message}. Fix: ${d.fix}` },
      locations: [
        {
          ...(physical ? { physicalLocation: physical } : {}),
          logicalLocations: [{ fullyQualifiedName: d.object, ...(d.path !== "" ? { decoratedName: d.path } : {}), kind: "object" }],
        },
      ],
      ...(d.waived ? { suppressions: [{ kind: "inSource", status: "accepted", justification: d.waiverReason ?? "" }] } : {}),
      properties: {
        object: d.object,
        path: d.path,
        fix: d.fix,
        source: d.source,
        ...(d.limit !== undefined ? { limit: d.limit } : {}),
        ...(d.actual !== undefined ? { actual: d.actual } : {}),
      },
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "pulumi-configmgr",
            semanticVersion: options.toolVersion,
            version: options.toolVersion,
            rules: rules.map(ruleDescriptor),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd.endsWith("/") ? cwd : `${cwd}/`).href } },
        results,
      },
    ],
  };
}
