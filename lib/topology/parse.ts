import type { DocPath, LoadedDocument } from "./load";
import { buildModel, type TopologyModel } from "./model";
import { normalizeTopology } from "./normalize";
import { topologySchema } from "./schema";

/** One way the document does not have the format's shape. */
export interface ShapeIssue {
  readonly path: DocPath;
  readonly message: string;
  /** For an unknown field: its name (the path is the object that holds it). */
  readonly unknownKey?: string;
}

export type ParseResult =
  | { readonly ok: true; readonly model: TopologyModel }
  | { readonly ok: false; readonly issues: readonly ShapeIssue[] };

/** Checks the shape (zod), applies defaults and normalisation, and builds the indexes. */
export function parseTopology(loaded: LoadedDocument): ParseResult {
  const result = topologySchema.safeParse(loaded.data);
  if (!result.success) {
    const issues: ShapeIssue[] = [];
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          issues.push({ path: issue.path, unknownKey: key, message: `unknown field "${key}"` });
        }
      } else {
        issues.push({ path: issue.path, message: issue.message });
      }
    }
    return { ok: false, issues };
  }
  return { ok: true, model: buildModel(normalizeTopology(result.data)) };
}

/** `["distributionPoints", 2, "hardware", "memoryGB"]` → `distributionPoints[2].hardware.memoryGB`. */
export function formatPath(path: DocPath): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out === "" ? String(seg) : `.${String(seg)}`;
  }
  return out;
}
