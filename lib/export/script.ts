import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { psBool, psQuote } from "../scripts/quote";

/**
 * The export script as it runs on the site server: one data block of quoted literals, then the
 * text of export-hierarchy.ps1 (shipped next to this module: dist/export/ps1/ after the build).
 */
export interface ExportScriptInput {
  readonly siteServer: string;
  /** Empty: the script asks root\SMS\SMS_ProviderLocation. */
  readonly siteCode?: string;
  readonly readHosts?: boolean;
}

export function exportScriptText(): string {
  for (const dir of [join(__dirname, "ps1"), join(__dirname, "..", "..", "lib", "export", "ps1")]) {
    const file = join(dir, "export-hierarchy.ps1");
    if (existsSync(file)) return readFileSync(file, "utf8");
  }
  throw new Error(`export-hierarchy.ps1 is missing next to ${__dirname}: reinstall pulumi-configmgr`);
}

export function exportScript(input: ExportScriptInput): string {
  const data = [
    "$Config = @{",
    `  SiteServer = ${psQuote(input.siteServer)}`,
    `  SiteCode = ${psQuote(input.siteCode ?? "")}`,
    `  ReadHosts = ${psBool(input.readHosts ?? true)}`,
    "}",
  ];
  return `${data.join("\n")}\n${exportScriptText()}`;
}
