import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join, resolve } from "node:path";
import { actionScript, type ActionScripts, RESULT_PREFIX, remoteCommand } from "../../lib/scripts/wrapper";
import type { ScriptAction } from "../../lib/scripts/types";
import { pwshPath } from "../powershell/runtime";
import type { LabState } from "../labdouble/seed";

/**
 * Runs a library script the way the library sends it: the command line of remoteCommand(action)
 * through a shell (as OpenSSH runs it through cmd.exe), the stdin of actionScript(step, scripts),
 * with the lab double's powershell.exe first on PATH (pwsh 7.6.9 with test/labdouble/Start.ps1 put
 * in front of the bootstrap). The double's state is a JSON file; the machine is COMPUTERNAME.
 *
 * Linux keeps only the low 8 bits of a process exit status: a script's `exit 3010` arrives as
 * 194 (3010 & 0xff). `exitCode` is that status; compare with `windowsExit(3010)`.
 */

const labRoot = resolve(__dirname, "..", "labdouble");

export interface RunOptions {
  /** The double's state before the run (written to a fresh file), or the path of an existing state file. */
  readonly state: LabState | string;
  /** NetBIOS name of the machine the script runs on (upper case), e.g. CM01 or WIN701. */
  readonly computer: string;
  /** Override the command line (default: the library's remoteCommand(action)). */
  readonly commandLine?: string;
  /** Override stdin (default: the library's actionScript(step, scripts)). */
  readonly stdin?: string | Buffer;
  readonly env?: Readonly<Record<string, string>>;
}

export interface RunResult {
  /** The process exit status (8 bits on Linux). */
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The CONFIGMGR-RESULT line, parsed; undefined when there is none. */
  readonly result?: { step: string; status: string; detail: string; line: string };
  /** How many CONFIGMGR-RESULT lines stdout has (exactly one is the contract). */
  readonly resultLines: number;
  /** The state file after the run, and its path (pass it as `state` to a second run). */
  readonly state: LabState;
  readonly statePath: string;
  /** The calls this run added to the call log. */
  readonly calls: LabCall[];
}

export interface LabCall {
  seq: number;
  kind: "configmgr" | "windows" | "wmi";
  host: string;
  command: string;
  parameters: Record<string, unknown>;
  changing: boolean;
  parameterSet?: string;
}

/** What a Windows exit code looks like as a Linux process status. */
export const windowsExit = (code: number): number => code & 0xff;

export function writeState(state: LabState, dir = mkdtempSync(join(tmpdir(), "labdouble-"))): string {
  const path = join(dir, "state.json");
  writeFileSync(path, JSON.stringify(state, null, 1));
  return path;
}

export function readState(path: string): LabState {
  return JSON.parse(readFileSync(path, "utf8"));
}

/** Changes a state file in place between two runs (e.g. takes an injected fault out); returns the path. */
export function editState(path: string, edit: (state: LabState) => void): string {
  const state = readState(path);
  edit(state);
  writeFileSync(path, JSON.stringify(state, null, 1));
  return path;
}

/** Runs one action of a step's scripts through the library's own command line and stdin. */
export function runStep(step: string, scripts: ActionScripts, action: ScriptAction, options: RunOptions): RunResult {
  return runCommand(options.commandLine ?? remoteCommand(action), options.stdin ?? actionScript(step, scripts), options);
}

/** Runs a command line (as a shell would) with the given stdin against the double. */
export function runCommand(commandLine: string, stdin: string | Buffer, options: RunOptions): RunResult {
  const statePath = typeof options.state === "string" ? options.state : writeState(options.state);
  const before = readState(statePath).calls?.length ?? 0;
  const env: Record<string, string> = {
    PATH: `${join(labRoot, "bin")}${delimiter}${process.env.PATH ?? ""}`,
    HOME: process.env.HOME ?? tmpdir(),
    TMPDIR: process.env.TMPDIR ?? tmpdir(),
    LABDOUBLE_STATE: statePath,
    LABDOUBLE_PWSH: pwshPath(),
    COMPUTERNAME: options.computer.toUpperCase(),
    // pwsh's first-run telemetry and update checks stay off (and quiet).
    POWERSHELL_TELEMETRY_OPTOUT: "1",
    POWERSHELL_UPDATECHECK: "Off",
    DOTNET_CLI_TELEMETRY_OPTOUT: "1",
    ...options.env,
  };
  const r = spawnSync("/bin/sh", ["-c", commandLine], { input: stdin, env, encoding: "utf8", maxBuffer: 64 << 20, cwd: tmpdir() });
  if (r.error) throw r.error;
  const stdout = r.stdout ?? "";
  const lines = stdout.split(/\r?\n/).filter((l) => l.startsWith(`${RESULT_PREFIX} `));
  const m = lines[0]?.match(/^CONFIGMGR-RESULT step=(\S+) status=(\S+) detail=(.*)$/);
  const state = readState(statePath);
  return {
    exitCode: r.status ?? -1,
    stdout,
    stderr: r.stderr ?? "",
    result: m ? { step: m[1], status: m[2], detail: m[3], line: lines[0] } : undefined,
    resultLines: lines.length,
    state,
    statePath,
    calls: (state.calls ?? []).slice(before),
  };
}

/** Runs a PowerShell snippet directly inside a double session (for tests of the double itself). */
export function runInDouble(script: string, options: Omit<RunOptions, "commandLine" | "stdin">): RunResult {
  const statePath = typeof options.state === "string" ? options.state : writeState(options.state);
  const prologue = `. '${join(labRoot, "Start.ps1").replace(/'/g, "''")}'\n`;
  const encoded = Buffer.from(prologue + script, "utf16le").toString("base64");
  const before = readState(statePath).calls?.length ?? 0;
  const r = spawnSync(pwshPath(), ["-NoProfile", "-NonInteractive", "-EncodedCommand", encoded], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? tmpdir(),
      TMPDIR: process.env.TMPDIR ?? tmpdir(),
      LABDOUBLE_STATE: statePath,
      COMPUTERNAME: options.computer.toUpperCase(),
      POWERSHELL_TELEMETRY_OPTOUT: "1",
      POWERSHELL_UPDATECHECK: "Off",
      ...options.env,
    },
    encoding: "utf8",
    maxBuffer: 64 << 20,
    cwd: tmpdir(),
  });
  if (r.error) throw r.error;
  const state = readState(statePath);
  return { exitCode: r.status ?? -1, stdout: r.stdout ?? "", stderr: r.stderr ?? "", resultLines: 0, state, statePath, calls: (state.calls ?? []).slice(before) };
}
