import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../lib/cli/main";
import { parseExport } from "../../lib/export/records";
import { exportScript } from "../../lib/export/script";
import { captureIo } from "../cli/helpers";
import { runStep } from "../execution/harness";
import { dpDoc, ESTATES, groupInput, hostFolders, hostInput, outcome, roleInput, runGroup, runHost, runRole } from "../execution/matrix";
import { pwshPath } from "../powershell/runtime";
import { type SshServer, startSshServer } from "../transport/ssh-server";

/**
 * `export --ssh`: the export runs with the provisioning steps' command line and stdin through the
 * real `ssh` client and Debian's sshd on 127.0.0.1, whose login's powershell.exe is the lab
 * double's; the document equals the one from the same script run directly.
 */
const LONG = 600_000;
const lab = ESTATES[0];
let statePath = "";
let env: ReturnType<typeof hostFolders>;
let server: SshServer;

beforeAll(async () => {
  env = hostFolders();
  let r = runHost(lab, hostInput(lab), "create", lab.state(), env);
  r = runGroup(lab, groupInput(lab, { siteSystems: undefined }), "create", r.statePath, env);
  r = runRole(lab, roleInput(lab, dpDoc(lab)), "create", r.statePath, env);
  r = runGroup(lab, groupInput(lab), "update", r.statePath, env);
  expect(r.exitCode, outcome(r)).toBe(0);
  statePath = r.statePath;
  server = await startSshServer({
    powershell: resolve(__dirname, "..", "labdouble", "bin", "powershell.exe"),
    env: { LABDOUBLE_STATE: statePath, LABDOUBLE_PWSH: pwshPath(), COMPUTERNAME: lab.siteComputer, ...env(lab.siteComputer) },
  });
}, LONG);
afterAll(() => server?.stop());

describe("export --ssh (real sshd on 127.0.0.1, the lab double behind it)", () => {
  it("writes the same document as the script's output read with --from", async () => {
    const viaSsh = captureIo();
    const code = await runCli(
      ["export", "--ssh", lab.siteServer, "--address", "127.0.0.1", "--port", String(server.port), "--user", "root", "-i", server.clientKey, "--known-hosts", server.knownHosts, "--site", "P01"],
      viaSsh,
    );
    expect(code, viaSsh.err()).toBe(0);
    expect(viaSsh.err()).toMatch(/1 distribution point, 1 boundary group; validate: 0 errors/);

    const direct = runStep("export", { create: exportScript({ siteServer: lab.siteServer, siteCode: "P01" }) }, "create", { state: statePath, computer: lab.siteComputer, env: env(lab.siteComputer) });
    expect(direct.exitCode, outcome(direct)).toBe(0);
    expect(parseExport(direct.stdout).rows.length).toBeGreaterThan(5);
    const fromFile = captureIo();
    const file = join(server.knownHosts, "..", "export-output.txt");
    writeFileSync(file, direct.stdout);
    expect(await runCli(["export", "--from", file], fromFile)).toBe(0);
    expect(viaSsh.out()).toBe(fromFile.out());
    expect(viaSsh.out()).toContain(`server: ${lab.dpServer}`);
  }, LONG);

  it("refuses a host key it does not know, before anything runs", async () => {
    const io = captureIo();
    const empty = join(server.knownHosts, "..", "empty_known_hosts");
    writeFileSync(empty, "");
    const code = await runCli(["export", "--ssh", lab.siteServer, "--address", "127.0.0.1", "--port", String(server.port), "--user", "root", "-i", server.clientKey, "--known-hosts", empty], io);
    expect(code).toBe(2);
    expect(io.err()).toMatch(/ssh to root@127\.0\.0\.1 failed: .*[Hh]ost key/);
  }, LONG);
});
