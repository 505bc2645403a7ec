import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dpRoleScript } from "../../lib/scripts/dp-role";
import { actionScript, actionScriptText, remoteCommand, wrapScript } from "../../lib/scripts/wrapper";
import { serverDpDoc } from "../scripts/site-script-checks";
import { POSIX_3010, resultLine, runRemote } from "./remote";

/** Each case starts pwsh processes (seconds each on a busy 2-core machine): a generous limit, not a timed assertion. */
const PWSH_RUNS = 240_000;
import { type SshServer, startSshServer } from "./ssh-server";

/**
 * The library's exact command lines and stdin through a real OpenSSH server and client give the
 * same result lines and exit codes as the same run without SSH.
 */
let server: SshServer;
beforeAll(async () => {
  server = await startSshServer();
});
afterAll(() => server?.stop());

const step = (body: string) => actionScript("demo", { create: wrapScript("demo/create", body) });

describe("over SSH (Debian's sshd on 127.0.0.1, key-only)", () => {
  it("gives the same results and exit codes as the direct run", async () => {
    const cases: [string, string, string][] = [
      ["done", remoteCommand("create"), step("Write-Result 'changed' 'done ü 日本'\nexit 0")],
      ["failed", remoteCommand("create"), step("throw 'boom'")],
      ["3010", remoteCommand("update"), step("Write-Result 'reboot-required' 'restart'\nexit 3010")],
      ["no exit", remoteCommand("create"), actionScript("demo", { create: "Write-Output 'no exit'\n" })],
      ["empty stdin", remoteCommand("delete"), ""],
      ["truncated", remoteCommand("create"), step("exit 0").slice(0, 120)],
    ];
    const results = [];
    for (const [, line, stdin] of cases) results.push(await Promise.all([server.run(line, stdin), runRemote(line, stdin)]));
    const codes = results.map(([viaSsh, direct], i) => {
      expect(viaSsh.code, cases[i][0]).toBe(direct.code);
      expect(resultLine(viaSsh.stdout), cases[i][0]).toBe(resultLine(direct.stdout));
      return viaSsh.code;
    });
    expect(codes).toEqual([0, 1, POSIX_3010, 1, 1, 1]);
    expect(resultLine(results[0][0].stdout)).toBe("CONFIGMGR-RESULT step=demo/create status=changed detail=done ü 日本");
  }, PWSH_RUNS);

  it("the largest generated script x10 arrives whole", async () => {
    const dp = serverDpDoc({
      description: "everything",
      pull: { sources: [{ server: "dp02.contoso.com", rank: 1 }, { server: "dp03.contoso.com", rank: 2 }] },
      pxe: { enabled: true, passwordSecret: "pxe" },
      multicast: { enabled: true, addressRange: { start: "239.0.0.1", end: "239.0.0.9" } },
      contentValidation: { schedule: { recur: "weekly", day: "saturday", at: "02:00" }, priority: "high" },
      proxy: { server: "proxy.contoso.com", port: 8080 },
    });
    const input = { version: "2403", siteCode: "P01", siteServer: "cm01.contoso.com", dp, boundaryGroups: ["HQ", "Branch"], pxePassword: "pw" };
    const largest = actionScriptText("dp-role", {
      create: dpRoleScript(input, "create"),
      update: dpRoleScript(input, "update"),
      delete: dpRoleScript(input, "delete"),
    });
    const payload = Array(10).fill(largest).join("\n");
    expect(payload).not.toMatch(/^'@/m);
    const script = `$payload = @'\n${payload}\n'@\n$sha = [BitConverter]::ToString([Security.Cryptography.SHA256]::Create().ComputeHash([Text.Encoding]::UTF8.GetBytes($payload))).Replace('-', '').ToLower()\nWrite-Result 'changed' ($sha + ' ' + $payload.Length)\nexit 0`;
    const stdin = step(script);
    expect(stdin.length).toBeGreaterThan(500_000);
    const run = await server.run(remoteCommand("create"), stdin);
    const sha = createHash("sha256").update(payload, "utf8").digest("hex");
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(resultLine(run.stdout)).toBe(`CONFIGMGR-RESULT step=demo/create status=changed detail=${sha} ${payload.length}`);
  }, PWSH_RUNS);
});
