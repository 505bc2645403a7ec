import { composeScript } from "../scripts/ps1-files";

/**
 * The export script as it runs on the site server: the `$Config` data block, then the text of
 * lib/scripts/ps1/export-hierarchy.ps1 (shipped with the other step scripts in dist/scripts/ps1).
 */
export interface ExportScriptInput {
  readonly siteServer: string;
  /** Empty: the script asks root\SMS\SMS_ProviderLocation. */
  readonly siteCode?: string;
  readonly readHosts?: boolean;
}

export const EXPORT_STEP = "export";

export function exportScript(input: ExportScriptInput): string {
  return composeScript({ Step: EXPORT_STEP, SiteServer: input.siteServer, SiteCode: input.siteCode ?? "", ReadHosts: input.readHosts ?? true }, ["export-hierarchy.ps1"]);
}
