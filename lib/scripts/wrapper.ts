import { createHash } from "node:crypto";
import { configBlock } from "./data";
import { COMMON, composeScript, ps1Text } from "./ps1-files";
import type { ScriptAction } from "./types";

/**
 * Every generated script has one shape: strict errors, one machine-readable result line, and
 * an explicit exit code — 0 done, 3010 done but a reboot is needed, 1 failed.
 * PowerShell 2.0-safe (no JSON cmdlets: the result line is key=value).
 */
export const RESULT_PREFIX = "CONFIGMGR-RESULT";

/**
 * A step script of an arbitrary body in the common frame (kept for callers that build a body;
 * the library's own steps are .ps1 files, and a refusal is refusalScript).
 */
export function wrapScript(step: string, body: string): string {
  return [
    composeScript({ Step: step }, [COMMON]),
    "try {",
    body,
    "} catch {",
    "  Write-Result 'failed' $_.Exception.Message",
    "  exit 1",
    "}",
    "",
  ].join("\n");
}

/** A script that fails with `reason` and changes nothing (a step whose inputs were refused). The reason must hold no secret. */
export function refusalScript(step: string, reason: string): string {
  return composeScript({ Step: step, Reason: reason.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ") }, [COMMON, "refusal.ps1"]);
}

// ---------------------------------------------------------------------------------------------
// transport

/**
 * The first line of stdin: the SHA-256 and length of the script's UTF-8 bytes; the lines after it
 * are those bytes in base64. Base64 is ASCII, so no code page the host decodes stdin with (ANSI,
 * OEM, UTF-8) can change the script, and a truncated or empty stdin fails the hash.
 */
const STDIN_HEADER = "pulumi-configmgr-stdin";
const HEADER_PATTERN = /^pulumi-configmgr-stdin sha256=([0-9a-f]{64}) bytes=([0-9]+)$/;

/** The stdin that carries `script` to the bootstrap. */
export function encodeStdin(script: string): string {
  const bytes = Buffer.from(script, "utf8");
  const sha = createHash("sha256").update(bytes).digest("hex");
  const base64 = bytes.toString("base64");
  const lines = [`${STDIN_HEADER} sha256=${sha} bytes=${bytes.length}`];
  for (let i = 0; i < base64.length; i += 76) lines.push(base64.slice(i, i + 76));
  return `${lines.join("\n")}\n`;
}

/** The script a stdin carries (what the bootstrap runs); throws when it is not whole. */
export function decodeStdin(stdin: string): string {
  const [header, ...rest] = stdin.split(/\r?\n/);
  const m = HEADER_PATTERN.exec(header.trim());
  if (!m) throw new Error("not a pulumi-configmgr stdin: the header line is missing");
  const bytes = Buffer.from(rest.join(""), "base64");
  if (bytes.length !== Number(m[2]) || createHash("sha256").update(bytes).digest("hex") !== m[1]) throw new Error("stdin is not whole");
  return bytes.toString("utf8");
}

/**
 * The SSH command line: a short bootstrap that reads the stdin whole through `$input` (what
 * powershell.exe makes of redirected stdin with -EncodedCommand), refuses it unless its SHA-256
 * and length match the header line, decodes the UTF-8 bytes and runs the script as one script
 * block (stdin fed to `-Command -` would run statement by statement, and a failed statement
 * would not stop the rest). OpenSSH for Windows runs the command through cmd.exe by default, so
 * the bootstrap travels base64-encoded (UTF-16LE), free of quoting. Every step script ends with
 * its own exit; a script block that returns without one fails here (exit 1, never the last
 * native exit code). PowerShell 2.0-safe.
 */
function bootstrapLines(action?: ScriptAction): string[] {
  const fail = `'${RESULT_PREFIX} step=bootstrap status=failed detail='`;
  return [
    "$ErrorActionPreference = 'Stop'",
    "try { [Console]::OutputEncoding = New-Object System.Text.UTF8Encoding } catch { $null = $_ }",
    ...(action === undefined ? [] : [`$action = '${action}'`]),
    `$fail = ${fail}`,
    "$lines = @($input | ForEach-Object { [string]$_ })",
    "$header = ''",
    "if ($lines.Count -gt 0) { $header = $lines[0].Trim() }",
    `if ($header -notmatch '${HEADER_PATTERN.source}') { Write-Output ($fail + 'no script arrived on stdin (its header line is missing)'); exit 1 }`,
    "$sha = $matches[1]",
    "$size = [int]$matches[2]",
    "$body = ''",
    "if ($lines.Count -gt 1) { $body = [string]::Join('', [string[]]$lines[1..($lines.Count - 1)]) }",
    "try { $bytes = [Convert]::FromBase64String($body) } catch { Write-Output ($fail + 'the script on stdin is not whole (not valid base64): run again'); exit 1 }",
    "$hash = [BitConverter]::ToString([Security.Cryptography.SHA256]::Create().ComputeHash($bytes)).Replace('-', '').ToLower()",
    "if ($bytes.Length -ne $size -or $hash -ne $sha) { Write-Output ($fail + 'the script on stdin is not whole (' + $bytes.Length + ' of ' + $size + ' bytes arrived, or its SHA-256 differs): run again'); exit 1 }",
    "$text = [Text.Encoding]::UTF8.GetString($bytes)",
    "& ([ScriptBlock]::Create($text))",
    "Write-Output ($fail + 'the script ended without an exit code')",
    "exit 1",
  ];
}

export const BOOTSTRAP = bootstrapLines().join("\n");

export function encodePowerShell(script: string): string {
  return Buffer.from(script, "utf16le").toString("base64");
}

const POWERSHELL = "powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand";

export const REMOTE_COMMAND = `${POWERSHELL} ${encodePowerShell(BOOTSTRAP)}`;

/** The bootstrap of one action of a remote command: sets `$action`, then runs the stdin script. */
export function actionBootstrap(action: ScriptAction): string {
  return bootstrapLines(action).join("\n");
}

/**
 * The create/update/delete command line of a remote command (about 3,000 characters: it must fit
 * cmd.exe's 8,191). The command provider runs every action with the stdin stored at the last
 * create/update, so the stdin script holds all actions (actionScript) and this line only says
 * which one to run.
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
 * The script of every action of a step (ps1/dispatch.ps1): each step script in its own script
 * block, chosen by the `$action` the command line's bootstrap set. The embedded scripts are not
 * re-indented (a here-string's terminator must stay in column 1).
 */
export function actionScriptText(step: string, scripts: ActionScripts): string {
  const branches: [ScriptAction, string][] = [
    ["create", scripts.create],
    ["update", scripts.update ?? scripts.create],
  ];
  if (scripts.delete !== undefined) branches.push(["delete", scripts.delete]);
  const lines = [
    `# pulumi-configmgr: ${step.replace(/[\r\n]/g, " ")} (every action; $action comes from the command line)`,
    configBlock({ Step: step, Names: branches.map(([a]) => a).join("/") }).replace(/^\$Config = /, "$Dispatch = ").trimEnd(),
    "$Dispatch.Actions = @{}",
  ];
  for (const [action, script] of branches) lines.push(`$Dispatch.Actions['${action}'] = {`, script.replace(/\n+$/, ""), "}");
  lines.push(ps1Text("dispatch.ps1"));
  return lines.join("\n");
}

/** The stdin of a step: every action's script (actionScriptText), encoded for the bootstrap. */
export function actionScript(step: string, scripts: ActionScripts): string {
  return encodeStdin(actionScriptText(step, scripts));
}
