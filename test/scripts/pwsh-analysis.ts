import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll } from "vitest";
import { pwshPath } from "../powershell/runtime";

/**
 * PowerShell's own parser over generated scripts: ONE pwsh process per test file (started on first
 * use, stopped in afterAll) runs ps/analyze.ps1, which reads a JSON request per line and answers a
 * JSON line per script (parse errors, commands, string constants, AST node types, PowerShell 2.0
 * violations). Scripts in flight are batched through the same process.
 */
export interface PsCommand {
  readonly name: string;
  /** Parameter names as written, without the dash. */
  readonly parameters: readonly string[];
  readonly text: string;
  readonly offset: number;
}

export interface Analysis {
  /** "line:col ErrorId message" per parse error; empty means PowerShell parses it cleanly. */
  readonly errors: readonly string[];
  readonly commands: readonly PsCommand[];
  /** Values of the single-quoted string literals, in source order. */
  readonly strings: readonly string[];
  /** AST node type names in visiting order (the script's shape). */
  readonly types: string;
  /** "line:col what: why" per PowerShell 2.0 violation. */
  readonly ps2: readonly string[];
}

let child: ChildProcessWithoutNullStreams | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (a: Analysis) => void; reject: (e: Error) => void }>();
/** How many pwsh processes this test file started (the tests assert it stays one). */
export let pwshStarts = 0;

function server(): ChildProcessWithoutNullStreams {
  if (child) return child;
  pwshStarts++;
  const proc = spawn(pwshPath(), ["-NoProfile", "-NonInteractive", "-File", join(__dirname, "ps", "analyze.ps1")], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  proc.stderr.on("data", (d) => (stderr += d));
  createInterface({ input: proc.stdout }).on("line", (line) => {
    const answer = JSON.parse(line) as Analysis & { id: number; failure?: string };
    const waiter = pending.get(answer.id);
    pending.delete(answer.id);
    if (!waiter) return;
    if (answer.failure) waiter.reject(new Error(`analyze.ps1: ${answer.failure}`));
    else waiter.resolve(answer);
  });
  proc.on("exit", (code) => {
    for (const w of pending.values()) w.reject(new Error(`analyze.ps1 exited with ${code}: ${stderr}`));
    pending.clear();
    child = undefined;
  });
  child = proc;
  return proc;
}

afterAll(() => {
  child?.stdin.end();
  child?.kill();
  child = undefined;
});

/** What to compute besides parse errors, commands and strings (the PowerShell 2.0 walk and the node types cost time). */
export interface AnalysisOptions {
  readonly ps2?: boolean;
  readonly shape?: boolean;
}

export function analyze(script: string, options: AnalysisOptions = { ps2: true }): Promise<Analysis> {
  const id = nextId++;
  const proc = server();
  return new Promise<Analysis>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    proc.stdin.write(`${JSON.stringify({ id, script: Buffer.from(script, "utf8").toString("base64"), ps2: options.ps2 === true, shape: options.shape === true })}\n`);
  });
}

export const analyzeAll = (scripts: readonly string[], options: AnalysisOptions = { ps2: true }): Promise<Analysis[]> =>
  Promise.all(scripts.map((s) => analyze(s, options)));

/** Parse errors of a script (PowerShell's own parser); empty means it parses cleanly. */
export async function syntaxProblems(script: string): Promise<readonly string[]> {
  return (await analyze(script, {})).errors;
}

/** PowerShell 2.0 violations, as "line:col what: why". */
export async function ps2Violations(script: string): Promise<readonly string[]> {
  return (await analyze(script)).ps2;
}
