import type { DuplicateKey, LoadedDocument } from "../topology/load";
import type { TopologyModel } from "../topology/model";
import { keysWrittenTwice, parseTopology, type ParseOptions } from "../topology/parse";
import { CATALOG, RULES } from "./catalog";
import { schemaFinding, schemaRule } from "./schema-rule";
import { SOURCES } from "./sources";
import { runRules, toDiagnostic } from "./run";
import type { Diagnostic, Rule, Summary } from "./types";
import { applyWaivers } from "./waivers";

export interface Validation {
  readonly diagnostics: readonly Diagnostic[];
  readonly summary: Summary;
  /** Present when the document had the format's shape. */
  readonly model?: TopologyModel;
  /** The document could not be read or parsed at all (the CLI exits 2 for it). */
  readonly unreadable?: boolean;
}

/** Every rule applicable to the model's version, in one pass each, then the waivers. */
export function evaluate(model: TopologyModel, loaded?: LoadedDocument, rules: readonly Rule[] = RULES): Diagnostic[] {
  const found = runRules(model, rules, loaded);
  return applyWaivers(model, found, CATALOG, (rule, f) => toDiagnostic(rule, f, loaded));
}

/** Shape first (SCHEMA diagnostics stop there: rules need a well-formed document), then every rule. */
export function validateDocument(loaded: LoadedDocument, rules?: readonly Rule[], options?: ParseOptions): Validation {
  if (loaded.error) {
    const { error } = loaded;
    const diagnostics = [
      {
        ...toDiagnostic(schemaRule, {
          object: "hierarchy",
          path: [],
          message: `cannot be read: ${error.reason}`,
          // Line-and-column advice only where there is a line and a column (not for a missing file).
          fix: error.position ? "Fix the YAML/JSON syntax at the line and column given." : "Check the file name and that the file is readable YAML or JSON.",
        }),
        ...(error.file !== undefined ? { file: error.file } : {}),
        ...(error.position ? { line: error.position.line, column: error.position.column } : {}),
      },
    ];
    return { diagnostics, summary: summarize(diagnostics), unreadable: true };
  }
  const parsed = parseTopology(loaded, options);
  const duplicates = keysWrittenTwice(loaded, parsed);
  if (duplicates.length > 0) return duplicateKeyErrors(loaded, duplicates);
  if (!parsed.ok) {
    // An unknown field points at its own key (parse.ts gives its position), not at its value.
    const diagnostics = parsed.issues.map((issue) => ({
      ...toDiagnostic(schemaRule, schemaFinding(issue, loaded.data), loaded),
      ...(issue.position ? { line: issue.position.line, column: issue.position.column } : {}),
    }));
    return { diagnostics, summary: summarize(diagnostics) };
  }
  const diagnostics = evaluate(parsed.model, loaded, rules);
  return { diagnostics, summary: summarize(diagnostics), model: parsed.model };
}

/** Keys written twice are all that is reported: the rest of the document says two things at once. */
function duplicateKeyErrors(loaded: LoadedDocument, duplicates: readonly DuplicateKey[]): Validation {
  const diagnostics = duplicates.map((dup) => ({
    ...toDiagnostic(schemaRule, {
      object: "hierarchy",
      path: [],
      message: `has a key written twice in one mapping (${dup.message})`,
      fix: "Keep one of the two entries: the document must say one thing per field.",
    }),
    ...(loaded.file !== undefined ? { file: loaded.file } : {}),
    line: dup.position.line,
    column: dup.position.column,
  }));
  return { diagnostics, summary: summarize(diagnostics) };
}

export function summarize(diagnostics: readonly Diagnostic[]): Summary {
  let errors = 0;
  let warnings = 0;
  let waived = 0;
  for (const d of diagnostics) {
    if (d.waived) waived++;
    else if (d.severity === "error") errors++;
    else warnings++;
  }
  return { errors, warnings, waived };
}

/**
 * One line a person can act on, as CheckFailures and the CLI print it:
 * `[DP-CLIENTS-MAX] dp:win701.lab.local serves 4,150 clients; … (size-and-scale-numbers). Add a DP …`
 */
export function formatDiagnostic(d: Diagnostic): string {
  const meta = CATALOG.get(d.rule);
  const short = meta ? SOURCES[meta.sources[0]].short : d.source;
  const waived = d.waived ? ` [waived: ${d.waiverReason}]` : "";
  return `[${d.rule}] ${d.object} ${d.message} (${short}). ${d.fix}${waived}`;
}
