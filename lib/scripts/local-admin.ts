import { netbiosOf } from "../topology/model";
import { psQuote } from "./quote";

/** The site server's computer account as Windows names it: LAB\CM01$ for cm01.lab.local in LAB. */
export function siteServerAccount(domain: string, siteServer: string): string {
  return `${domain}\\${netbiosOf(siteServer).toUpperCase()}$`;
}

/**
 * PowerShell lines that put the site server's computer account into (grant) or take it out of
 * (revoke) the local Administrators group, each only after IsMember says it is needed.
 * The group is found by its well-known SID S-1-5-32-544 — its name is localised or may be
 * renamed — and bound through ADSI WinNT://, which works from PowerShell 2.0 on and does not
 * trip over orphaned SIDs like Get-LocalGroupMember does (windows-commands.md §2).
 * Afterwards `$account` holds DOMAIN\NAME$ and `$adminChanged` whether this run changed the group.
 */
export function localAdminLines(domain: string, siteServer: string, mode: "grant" | "revoke"): string[] {
  const account = siteServerAccount(domain, siteServer);
  const member = `WinNT://${domain}/${netbiosOf(siteServer).toUpperCase()}$`;
  const change =
    mode === "grant"
      ? ["if ($admins.IsMember($member)) {", "  $adminChanged = $false", "} else {", "  $admins.Add($member)", "  $adminChanged = $true", "}"]
      : ["if ($admins.IsMember($member)) {", "  $admins.Remove($member)", "  $adminChanged = $true", "} else {", "  $adminChanged = $false", "}"];
  return [
    `$siteServer = ${psQuote(siteServer)}`,
    `$account = ${psQuote(account)}`,
    `$member = ${psQuote(member)}`,
    "$adminsSid = New-Object System.Security.Principal.SecurityIdentifier -ArgumentList 'S-1-5-32-544'",
    "# Translate gives BUILTIN\\<localised name>; WinNT:// wants the bare name.",
    "$adminsName = $adminsSid.Translate([System.Security.Principal.NTAccount]).Value",
    "$adminsName = $adminsName.Substring($adminsName.IndexOf('\\') + 1)",
    "$admins = [ADSI]('WinNT://' + $env:COMPUTERNAME + '/' + $adminsName + ',group')",
    "try {",
    ...change.map((line) => `  ${line}`),
    "} catch {",
    `  throw ('could not ${mode === "grant" ? "add" : "remove"} ' + $account + ' (the computer account of site server ' + $siteServer + ') ${mode === "grant" ? "to" : "from"} local group ' + $adminsName + ': ' + $_.Exception.Message + ' (is this host in the domain, with a healthy secure channel? Test-ComputerSecureChannel)')`,
    "}",
  ];
}
