import { writeFileSync } from "node:fs";
import { emitTopologyYaml } from "../export/emit-yaml";
import { exportScript } from "../export/script";
import { toTopology } from "../export/to-topology";
import { summarize, validateDocument } from "../rules/engine";
import { loadTopologyText } from "../topology/load";
import { readExportRecords, type ExportSourceArgs } from "./export-source";
import { EXIT_OK, EXIT_USAGE, guarded, type CliIo } from "./io";

export interface ExportArgs extends ExportSourceArgs {
  readonly domain?: string;
  readonly output?: string;
}

const SCHEMA_PATH = "./node_modules/pulumi-configmgr/schema/topology.schema.json";

/**
 * `pulumi-configmgr export`: without --from or --ssh it prints the PowerShell that reads the
 * hierarchy (run it on the site server as a ConfigMgr administrator, save its output, then
 * `export --from <file>`); with --from or --ssh it writes the topology document, then checks it.
 */
export function runExport(args: ExportArgs, io: CliIo): number {
  return guarded(io, () => {
    const server = args.ssh ?? args.server;
    if (args.from === undefined && server === undefined) {
      io.stderr.write("pulumi-configmgr export: name the site server (--server <fqdn>, or --ssh <fqdn> to run it), or give --from <export output>\n");
      return EXIT_USAGE;
    }
    if (args.from === undefined && args.ssh === undefined) {
      io.stdout.write(exportScript({ siteServer: server!.toLowerCase(), siteCode: args.site?.toUpperCase() }));
      return EXIT_OK;
    }
    const read = readExportRecords(args);
    if (read.error !== undefined) {
      io.stderr.write(`pulumi-configmgr export: ${read.error}\n`);
      return EXIT_USAGE;
    }
    const records = read.records;
    const exported = toTopology(records, { domain: args.domain?.toUpperCase() });
    const header = [
      `Exported by pulumi-configmgr from the SMS Provider of ${records.provider.server} (site ${records.provider.site}).`,
      "Review it like code: comments mark values that could not be read, estimates and settings",
      "the library does not manage. `pulumi-configmgr validate` checks it against every documented limit.",
    ];
    const yaml = emitTopologyYaml(exported, header, SCHEMA_PATH);
    if (args.output === undefined || args.output === "-") io.stdout.write(yaml);
    else writeFileSync(args.output, yaml);
    const validation = validateDocument(loadTopologyText(yaml, args.output ?? "export.yaml"));
    const s = summarize(validation.diagnostics);
    io.stderr.write(
      `pulumi-configmgr export: ${count(exported.document.distributionPoints, "distribution point")}, ${count(exported.document.boundaryGroups, "boundary group")}; validate: ${s.errors} errors, ${s.warnings} warnings (run pulumi-configmgr validate on the file for the details)\n`,
    );
    return EXIT_OK;
  });
}

function count(list: unknown, noun: string): string {
  const n = Array.isArray(list) ? list.length : 0;
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
