import { featureInstallLines, type OsFamily, requireOsFamily } from "./features";
import { localAdminLines } from "./local-admin";
import { psQuote } from "./quote";
import type { HostPrepInput, ScriptAction } from "./types";
import { wrapScript } from "./wrapper";

/** Seconds between scheduling the restart (rebootIfRequired) and Windows restarting. */
const RESTART_DELAY_SECONDS = 60;
/** shutdown.exe: ERROR_SHUTDOWN_IS_SCHEDULED — a restart is already on its way, which is what we want. */
const SHUTDOWN_ALREADY_SCHEDULED = 1190;

/**
 * The script that runs on the DP host itself. create/update: grant the site server local admin,
 * then install the missing prerequisite features; a restart Windows asks for ends the script
 * with 3010 (or, with rebootIfRequired, a scheduled restart and 0). delete: revoke the grant only.
 * Every change is preceded by a check, so a second run changes nothing and succeeds.
 */
export function hostPrepareScript(input: HostPrepInput, action: ScriptAction): string {
  const family = requireOsFamily(input.os);
  const body = action === "delete" ? deleteBody(input) : createBody(input, family);
  return wrapScript(`host-prepare/${action}`, body.join("\n"));
}

function createBody(input: HostPrepInput, family: OsFamily): string[] {
  const lines = [`$dp = ${psQuote(input.dpServer)}`, "$changes = @()"];
  if (input.grantLocalAdmin) {
    lines.push(
      ...localAdminLines(input.domain, input.siteServer, "grant"),
      "if ($adminChanged) { $changes += ($account + ' added to local Administrators') }",
    );
  }
  if (input.installFeatures) {
    lines.push(
      ...featureInstallLines(family),
      "if ($featuresEnabled.Count -gt 0) { $changes += ('enabled ' + ($featuresEnabled -join ', ')) }",
      "if ($rebootNeeded) {",
      ...rebootLines(input).map((line) => `  ${line}`),
      "}",
    );
  }
  lines.push(
    "if ($changes.Count -eq 0) {",
    "  Write-Result 'unchanged' ($dp + ': already prepared, nothing to change')",
    "} else {",
    "  Write-Result 'changed' ($dp + ': ' + ($changes -join '; '))",
    "}",
    "exit 0",
  );
  return lines;
}

function rebootLines(input: HostPrepInput): string[] {
  const done = "$done = $dp + ': ' + (@($changes + 'features waiting for a restart') -join '; ')";
  if (!input.rebootIfRequired) {
    return [
      done,
      "Write-Result 'reboot-required' ($done + '; Windows must restart to finish: reboot ' + $dp + ' and run pulumi up again')",
      "exit 3010",
    ];
  }
  return [
    done,
    `& shutdown.exe /r /t ${RESTART_DELAY_SECONDS} /c 'pulumi-configmgr: restarting to finish installing the distribution point prerequisites (rebootIfRequired)'`,
    `if ($LASTEXITCODE -ne 0 -and $LASTEXITCODE -ne ${SHUTDOWN_ALREADY_SCHEDULED}) { throw ('shutdown.exe /r exited with ' + $LASTEXITCODE + '; reboot ' + $dp + ' by hand and run pulumi up again') }`,
    `Write-Result 'reboot-scheduled' ($done + '; restart of ' + $dp + ' scheduled in ${RESTART_DELAY_SECONDS} seconds (rebootIfRequired)')`,
    "exit 0",
  ];
}

function deleteBody(input: HostPrepInput): string[] {
  // IIS and RDC stay installed on delete: the safe default (windows-commands.md §4.7) — other
  // software on the host may use them, and removing them would want a restart.
  const lines = [
    "# IIS and RDC stay installed (safe default): only the site server's local admin grant is revoked.",
    `$dp = ${psQuote(input.dpServer)}`,
  ];
  if (!input.grantLocalAdmin) {
    return [...lines, "Write-Result 'unchanged' ($dp + ': no local admin grant to revoke; IIS and RDC left installed')", "exit 0"];
  }
  return [
    ...lines,
    ...localAdminLines(input.domain, input.siteServer, "revoke"),
    "if ($adminChanged) {",
    "  Write-Result 'changed' ($dp + ': ' + $account + ' removed from local Administrators; IIS and RDC left installed')",
    "} else {",
    "  Write-Result 'unchanged' ($dp + ': ' + $account + ' is not in local Administrators; IIS and RDC left installed')",
    "}",
    "exit 0",
  ];
}
