import { spawn } from "node:child_process";
import { pwshPath } from "../powershell/runtime";

/**
 * Runs one of the library's exact command lines the way OpenSSH for Windows would: the program
 * `powershell.exe` is pwsh 7.6 here, every other argument is the library's, stdin is the
 * library's stdin. POSIX keeps only the low 8 bits of an exit status, so 3010 arrives as 194
 * (3010 mod 256); Windows keeps the full value.
 */
export const POSIX_3010 = 3010 % 256;

export interface RemoteResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function commandArgs(commandLine: string): string[] {
  const [program, ...args] = commandLine.split(" ");
  if (program !== "powershell.exe") throw new Error(`not a powershell.exe command line: ${commandLine.slice(0, 40)}`);
  return args;
}

export function runRemote(commandLine: string, stdin: string | Buffer, env: NodeJS.ProcessEnv = {}): Promise<RemoteResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(pwshPath(), commandArgs(commandLine), { env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.on("error", () => undefined);
    child.stdin.end(stdin);
  });
}

/** The one result line of a run. */
export function resultLine(stdout: string): string {
  const lines = stdout.split(/\r?\n/).filter((l) => l.startsWith("CONFIGMGR-RESULT "));
  if (lines.length !== 1) throw new Error(`expected one result line, got ${lines.length}:\n${stdout}`);
  return lines[0];
}

/** Locales whose charset makes .NET decode stdin as that code page (Console.InputEncoding follows LANG on Linux). */
export const CODE_PAGES = { utf8: "C.UTF-8", cp1252: "en_US.windows-1252", cp874: "th_TH.windows-874" } as const;
export const localeEnv = (locale: string): NodeJS.ProcessEnv => ({ LANG: locale, LC_ALL: locale });
