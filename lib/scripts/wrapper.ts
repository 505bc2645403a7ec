import { psQuote } from "./quote";

/**
 * Every generated script has one shape: strict errors, one machine-readable result line, and
 * an explicit exit code — 0 done, 3010 done but a reboot is needed, 1 failed.
 * PowerShell 2.0-safe (no JSON cmdlets: the result line is key=value).
 */
export const RESULT_PREFIX = "CONFIGMGR-RESULT";

export function wrapScript(step: string, body: string): string {
  return [
    `# pulumi-configmgr: ${step.replace(/[\r\n]/g, " ")}`,
    "$ErrorActionPreference = 'Stop'",
    "Set-StrictMode -Version 2.0",
    `$step = ${psQuote(step)}`,
    "function Write-Result([string]$Status, [string]$Detail) {",
    `  Write-Output ('${RESULT_PREFIX} step=' + $step + ' status=' + $Status + ' detail=' + ($Detail -replace '[\\r\\n]+', ' '))`,
    "}",
    "try {",
    body
      .split("\n")
      .map((line) => (line === "" ? "" : `  ${line}`))
      .join("\n"),
    "} catch {",
    "  Write-Result 'failed' $_.Exception.Message",
    "  exit 1",
    "}",
    "",
    "",
  ].join("\n");
}

/**
 * The SSH command line: a short bootstrap that reads the real script whole from stdin and runs
 * it as one script block (stdin fed to `-Command -` would run statement by statement, and a
 * failed statement would not stop the rest). OpenSSH for Windows runs the command through
 * cmd.exe by default, so the bootstrap travels base64-encoded (UTF-16LE), free of quoting.
 */
export const BOOTSTRAP = [
  "$ErrorActionPreference = 'Stop'",
  "$text = [Console]::In.ReadToEnd()",
  "& ([ScriptBlock]::Create($text))",
  "exit $LASTEXITCODE",
].join("; ");

export function encodePowerShell(script: string): string {
  return Buffer.from(script, "utf16le").toString("base64");
}

export const REMOTE_COMMAND = `powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand ${encodePowerShell(BOOTSTRAP)}`;
