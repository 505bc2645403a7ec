import { diffMarkdown, diffText } from "../diff/render";
import { topologyDiff } from "../diff/topology-diff";
import { liveView } from "../export/live-view";
import { toTopology } from "../export/to-topology";
import { validateDocument } from "../rules/engine";
import { loadTopologyObject } from "../topology/load";
import { readExportRecords, type ExportSourceArgs } from "./export-source";
import { DIFF_FORMATS, displayName, EXIT_INVALID, EXIT_OK, EXIT_USAGE, readDocument, writeOutput, type CliIo, type DiffFormat } from "./io";

export interface DriftArgs extends ExportSourceArgs {
  readonly topology: string;
  readonly format?: DiffFormat;
  readonly output?: string;
}

const NOTE = "Read as `pulumi up` would move the estate: from what runs (base) to the document (head). An object only the estate has shows as removed; `pulumi up` removes only what its own stack created.";

/**
 * `pulumi-configmgr drift <topology> --ssh <site server> | --from <export output>`: exports the
 * running hierarchy, then the semantic diff from the estate to the document — which settings,
 * memberships and boundaries differ, and which way `pulumi up` would move them. Settings the
 * export cannot read are taken from the document (lib/export/live-view.ts), so they never show as
 * drift. Exit 0 no drift, 1 drift, 2 usage or unreadable input.
 */
export async function runDrift(args: DriftArgs, io: CliIo): Promise<number> {
  try {
    const format = args.format ?? "text";
    if (!DIFF_FORMATS.includes(format)) {
      io.stderr.write(`pulumi-configmgr drift: unknown format "${format}" (use ${DIFF_FORMATS.join(", ")})\n`);
      return EXIT_USAGE;
    }
    const declared = readDocument(args.topology, io);
    if (declared.error) {
      io.stderr.write(`${declared.error.message}\n`);
      return EXIT_USAGE;
    }
    const head = validateDocument(declared);
    if (!head.model) {
      io.stderr.write(`pulumi-configmgr drift: ${args.topology} does not have the topology format's shape: run pulumi-configmgr validate on it first\n`);
      return EXIT_USAGE;
    }
    const read = readExportRecords(args);
    if (read.error !== undefined) {
      io.stderr.write(`pulumi-configmgr drift: ${read.error}\n`);
      return EXIT_USAGE;
    }
    const records = read.records;
    const document = declared.data as Record<string, unknown>;
    const exported = toTopology(records, { domain: typeof document.domain === "string" ? document.domain : undefined });
    const live = validateDocument(loadTopologyObject(liveView(document, exported.document)));
    const estate = `the estate (${records.provider.server})`;
    const diff = await topologyDiff(
      { name: estate, model: live.model, diagnostics: live.diagnostics, summary: live.summary },
      { name: displayName(args.topology), model: head.model, diagnostics: head.diagnostics, summary: head.summary },
    );
    const drifted = diff.objects.length > 0 || diff.hierarchy.length > 0;
    const text =
      format === "json"
        ? `${JSON.stringify({ drift: drifted, ...diff }, null, 2)}\n`
        : `${[...(format === "markdown" ? diffMarkdown(diff) : diffText(diff)), "", drifted ? NOTE : `No drift: ${estate} matches ${displayName(args.topology)} in every setting the export reads.`].join("\n").trimEnd()}\n`;
    if (!writeOutput(io, "drift", args.output, text)) return EXIT_USAGE;
    return drifted ? EXIT_INVALID : EXIT_OK;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`pulumi-configmgr: unexpected error: ${message.split("\n")[0]}\n`);
    return EXIT_USAGE;
  }
}
