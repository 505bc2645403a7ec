import { estate, labEstate, type LabState } from "../labdouble/seed";
import { runInDouble } from "./harness";

/**
 * Helpers of the double's own tests: one pwsh session runs many probes and prints one JSON line,
 * so a version's whole table costs one PowerShell start.
 */

export const PROBE_PRELUDE = [
  "$ErrorActionPreference = 'Stop'",
  "Import-Module (Join-Path (Split-Path $env:SMS_ADMIN_UI_PATH -Parent) 'ConfigurationManager.psd1')",
  "Set-Location ((Get-PSDrive -PSProvider CMSite | Select-Object -First 1).Name + ':')",
  "$probe = [ordered]@{}",
  // 'bound' = PowerShell bound the call (it may still fail in the cmdlet's behaviour); 'binding: <message>' otherwise.
  "function Probe([string]$Name, [scriptblock]$Call) {",
  "  try { $null = & $Call; $probe[$Name] = 'bound' }",
  "  catch [System.Management.Automation.ParameterBindingException] { $probe[$Name] = 'binding: ' + $_.Exception.Message }",
  "  catch { $probe[$Name] = 'bound, then: ' + $_.Exception.Message }",
  "}",
].join("\n");

export const PROBE_END = "Write-Output ('PROBE ' + (ConvertTo-Json -InputObject $probe -Compress -Depth 5))";

export function probe(state: LabState | string, computer: string, body: string): { results: Record<string, any>; stdout: string; stderr: string; state: LabState; statePath: string } {
  const r = runInDouble(`${PROBE_PRELUDE}\n${body}\n${PROBE_END}`, { state, computer });
  const line = r.stdout.split(/\r?\n/).find((l) => l.startsWith("PROBE "));
  if (!line) throw new Error(`probe printed no result:\n${r.stdout}\n${r.stderr}`);
  return { results: JSON.parse(line.slice(6)), stdout: r.stdout, stderr: r.stderr, state: r.state, statePath: r.statePath };
}

export const stateFor = (version: string): LabState => (version === "2012 SP1" ? labEstate() : estate(version));
export const siteServerOf = (version: string): string => "CM01";
export const dpOf = (version: string): string => (version === "2012 SP1" ? "win701.lab.local" : "dp01.contoso.com");
