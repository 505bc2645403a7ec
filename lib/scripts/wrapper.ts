import { psQuote } from "./quote";
import type { ScriptAction } from "./types";

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
 *
 * stdin is read through `$input` (what powershell.exe makes of redirected stdin with -Command /
 * -EncodedCommand; Ansible's Windows bootstrap over SSH reads it the same way) after switching the
 * console encoding to UTF-8, the encoding the SSH client sends; the console default is the OEM
 * code page, which would garble non-ASCII values. An empty stdin fails instead of doing nothing.
 * PowerShell 2.0-safe.
 */
function bootstrapLines(action?: ScriptAction): string[] {
  return [
    "$ErrorActionPreference = 'Stop'",
    "try { [Console]::InputEncoding = New-Object System.Text.UTF8Encoding } catch { $null = $_ }",
    "try { [Console]::OutputEncoding = New-Object System.Text.UTF8Encoding } catch { $null = $_ }",
    ...(action === undefined ? [] : [`$action = '${action}'`]),
    '$text = [string]::Join("`n", [string[]]@($input))',
    `if ($text.Trim().Length -eq 0) { Write-Output '${RESULT_PREFIX} step=bootstrap status=failed detail=no script arrived on stdin'; exit 1 }`,
    "& ([ScriptBlock]::Create($text))",
    "exit $LASTEXITCODE",
  ];
}

export const BOOTSTRAP = bootstrapLines().join("; ");

export function encodePowerShell(script: string): string {
  return Buffer.from(script, "utf16le").toString("base64");
}

const POWERSHELL = "powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand";

export const REMOTE_COMMAND = `${POWERSHELL} ${encodePowerShell(BOOTSTRAP)}`;

/** The bootstrap of one action of a remote command: sets `$action`, then runs the stdin script. */
export function actionBootstrap(action: ScriptAction): string {
  return bootstrapLines(action).join("; ");
}

/**
 * The create/update/delete command line of a remote command (well under 2,000 characters: it
 * must fit cmd.exe's 8,191). The command provider runs every action with the stdin stored at the
 * last create/update, so the stdin script holds all actions (actionScript) and this line only
 * says which one to run.
 */
export function remoteCommand(action: ScriptAction): string {
  return `${POWERSHELL} ${encodePowerShell(actionBootstrap(action))}`;
}

/** The scripts of one step by action: update defaults to create; without delete, delete does nothing remote. */
export interface ActionScripts {
  readonly create: string;
  readonly update?: string;
  readonly delete?: string;
}

/**
 * One stdin script for every action of a step: each generated script runs in its own script
 * block, chosen by the `$action` the command line's bootstrap set. The embedded scripts are not
 * re-indented (a here-string's terminator must stay in column 1). Each of them ends with an
 * explicit exit, so falling through the dispatch is a failure too.
 */
export function actionScript(step: string, scripts: ActionScripts): string {
  const branches: [ScriptAction, string][] = [
    ["create", scripts.create],
    ["update", scripts.update ?? scripts.create],
  ];
  if (scripts.delete !== undefined) branches.push(["delete", scripts.delete]);
  const fail = (detail: string) => [
    `  Write-Output ('${RESULT_PREFIX} step=' + ${psQuote(step)} + ' status=failed detail=' + ${detail})`,
    "  exit 1",
  ];
  const lines = [`# pulumi-configmgr: ${step.replace(/[\r\n]/g, " ")} (every action; $action comes from the command line)`];
  branches.forEach(([action, script], i) => {
    lines.push(`${i === 0 ? "if" : "} elseif"} ($action -eq '${action}') {`, "& {", script.replace(/\n+$/, ""), "}");
  });
  lines.push(
    "} else {",
    ...fail(`'no ${branches.map(([a]) => a).join("/")} script for action ' + $action`),
    "}",
    ...fail("'the ' + $action + ' script ended without a result'").map((l) => l.slice(2)),
    "",
    "",
  );
  return lines.join("\n");
}
