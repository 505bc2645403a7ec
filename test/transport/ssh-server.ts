import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pwshPath } from "../powershell/runtime";
import type { RemoteResult } from "./remote";

/**
 * A real OpenSSH server for one test file: Debian's /usr/sbin/sshd (installed by `npm run setup`)
 * on 127.0.0.1 at a free port, its own config, a throwaway host key and client key, key-only
 * logons as root with a temporary AuthorizedKeysFile, and a `powershell.exe` on the session's PATH
 * that runs pwsh 7.6. The client is the real `ssh`.
 */
export const SSHD = "/usr/sbin/sshd";

export interface SshServer {
  readonly port: number;
  /** The client's private key and a known_hosts file that holds the server's host key. */
  readonly clientKey: string;
  readonly knownHosts: string;
  run(commandLine: string, stdin: string | Buffer): Promise<RemoteResult>;
  stop(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`sshd exited with ${child.exitCode}: ${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.on("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`sshd did not listen on ${port}: ${log()}`);
}

export interface SshServerOptions {
  /** What the login's `powershell.exe` runs (default: pwsh 7.6.9 itself). */
  readonly powershell?: string;
  /** More environment for the login (the lab double's state file and computer name, say). */
  readonly env?: Readonly<Record<string, string>>;
}

export async function startSshServer(options: SshServerOptions = {}): Promise<SshServer> {
  if (!existsSync(SSHD)) throw new Error(`${SSHD} is missing: run npm run setup (it installs Debian's openssh-server)`);
  const dir = mkdtempSync(join(tmpdir(), "sshd-"));
  chmodSync(dir, 0o700);
  const key = (name: string) => {
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", join(dir, name)]);
    return join(dir, name);
  };
  const hostKey = key("host_key");
  const clientKey = key("client_key");
  writeFileSync(join(dir, "authorized_keys"), readFileSync(`${clientKey}.pub`));
  chmodSync(join(dir, "authorized_keys"), 0o600);
  const bin = join(dir, "bin");
  mkdirSync(bin);
  writeFileSync(join(bin, "powershell.exe"), `#!/bin/sh\nexec '${options.powershell ?? pwshPath()}' "$@"\n`);
  chmodSync(join(bin, "powershell.exe"), 0o755);
  const port = await freePort();
  const config = join(dir, "sshd_config");
  writeFileSync(
    config,
    [
      `Port ${port}`,
      "ListenAddress 127.0.0.1",
      `HostKey ${hostKey}`,
      `AuthorizedKeysFile ${join(dir, "authorized_keys")}`,
      `PidFile ${join(dir, "sshd.pid")}`,
      "PubkeyAuthentication yes",
      "PasswordAuthentication no",
      "KbdInteractiveAuthentication no",
      "PermitRootLogin prohibit-password",
      "UsePAM no",
      "StrictModes no",
      "PrintMotd no",
      `SetEnv PATH=${bin}:/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8${Object.entries(options.env ?? {})
        .map(([k, v]) => ` ${k}=${v}`)
        .join("")}`,
      "LogLevel ERROR",
      "",
    ].join("\n"),
  );
  // Privilege separation needs its empty directory (a fresh container may lack it).
  mkdirSync("/run/sshd", { recursive: true });
  let log = "";
  const child = spawn(SSHD, ["-D", "-e", "-f", config], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  await waitForPort(port, child, () => log);
  const knownHosts = join(dir, "known_hosts_server");
  writeFileSync(knownHosts, `[127.0.0.1]:${port} ${readFileSync(`${hostKey}.pub`, "utf8").trim()}\n`);

  const run = (commandLine: string, stdin: string | Buffer) =>
    new Promise<RemoteResult>((resolve, reject) => {
      const ssh = spawn(
        "ssh",
        [
          "-i", clientKey, "-p", String(port),
          "-o", "StrictHostKeyChecking=no", "-o", `UserKnownHostsFile=${join(dir, "known_hosts")}`,
          "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "PasswordAuthentication=no", "-o", "LogLevel=ERROR",
          "root@127.0.0.1", commandLine,
        ],
        { stdio: ["pipe", "pipe", "pipe"] },
      );
      let stdout = "";
      let stderr = "";
      ssh.stdout.on("data", (d) => (stdout += d));
      ssh.stderr.on("data", (d) => (stderr += d));
      ssh.on("error", reject);
      ssh.on("close", (code) => resolve({ code, stdout, stderr }));
      ssh.stdin.on("error", () => undefined);
      ssh.stdin.end(stdin);
    });

  return {
    port,
    clientKey,
    knownHosts,
    run,
    stop() {
      child.kill("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
