import fc from "fast-check";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { configBlock } from "../../lib/scripts/data";
import { hostPrepareScript } from "../../lib/scripts/host-prepare";
import { ps1Text } from "../../lib/scripts/ps1-files";
import { actionScript, BOOTSTRAP, encodePowerShell, encodeStdin, REMOTE_COMMAND, remoteCommand, wrapScript } from "../../lib/scripts/wrapper";
import { NASTY, nameArb } from "../scripts/hostile";
import { CODE_PAGES, localeEnv, POSIX_3010, resultLine, runRemote } from "./remote";

/** Each case starts pwsh processes (seconds each on a busy 2-core machine): a generous limit, not a timed assertion. */
const PWSH_RUNS = 240_000;

/**
 * The bootstrap EXECUTED: pwsh -NoProfile -NonInteractive -EncodedCommand <the library's bootstrap>
 * with the library's stdin. Exit codes, the integrity check, and values landing byte for byte
 * where the script puts them, under UTF-8, cp1252 and cp874 stdin decoding.
 */
const dir = mkdtempSync(join(tmpdir(), "transport-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const step = (body: string) => actionScript("demo", { create: wrapScript("demo/create", body) });

/** A script that writes $Config.Values (one per line) as UTF-8 to $env:TRANSPORT_OUT, then reports. */
function writerScript(values: readonly string[]): string {
  const script = [
    configBlock({ Step: "demo/create", Values: [...values] }),
    ps1Text("common.ps1"),
    "[IO.File]::WriteAllText($env:TRANSPORT_OUT, ([string]::Join([string][char]10, [string[]]$Config.Values)), (New-Object System.Text.UTF8Encoding $false))",
    "Write-Result 'changed' ('wrote ' + @($Config.Values).Count)",
    "exit 0",
  ].join("\n");
  return actionScript("demo", { create: script });
}

let outputs = 0;
async function written(stdin: string, locale: string = CODE_PAGES.utf8): Promise<{ code: number | null; text: string; stdout: string }> {
  const out = join(dir, `out-${outputs++}.txt`);
  const run = await runRemote(remoteCommand("create"), stdin, { ...localeEnv(locale), TRANSPORT_OUT: out });
  let text = "";
  try {
    text = readFileSync(out, "utf8");
  } catch {
    text = "<nothing written>";
  }
  return { code: run.code, text, stdout: run.stdout };
}

describe("exit codes", () => {
  it("0, 1 and 3010 reach the caller; exit inside nested script blocks and functions ends the process", async () => {
    const [ok, failed, reboot, nested] = await Promise.all([
      runRemote(remoteCommand("create"), step("Write-Result 'changed' 'done'\nexit 0")),
      runRemote(remoteCommand("create"), step("throw 'boom'")),
      runRemote(remoteCommand("create"), step("Write-Result 'reboot-required' 'restart'\nexit 3010")),
      runRemote(remoteCommand("create"), step("function Invoke-Deep { & { & { Write-Result 'reboot-required' 'deep'; exit 3010 } } }\nInvoke-Deep\nWrite-Result 'changed' 'not reached'\nexit 0")),
    ]);
    expect([ok.code, resultLine(ok.stdout)]).toEqual([0, "CONFIGMGR-RESULT step=demo/create status=changed detail=done"]);
    expect([failed.code, resultLine(failed.stdout)]).toEqual([1, "CONFIGMGR-RESULT step=demo/create status=failed detail=boom"]);
    expect([reboot.code, resultLine(reboot.stdout)]).toEqual([POSIX_3010, "CONFIGMGR-RESULT step=demo/create status=reboot-required detail=restart"]);
    expect([nested.code, resultLine(nested.stdout)]).toEqual([POSIX_3010, "CONFIGMGR-RESULT step=demo/create status=reboot-required detail=deep"]);
  }, PWSH_RUNS);

  it("a script that returns without an exit fails (exit 1), also when a native command last exited 0", async () => {
    const [dispatched, bare] = await Promise.all([
      runRemote(remoteCommand("create"), actionScript("demo", { create: "Write-Output 'no exit here'\n& /bin/true\n" })),
      runRemote(REMOTE_COMMAND, encodeStdin("& /bin/true\nWrite-Output 'no exit here'\n")),
    ]);
    expect(dispatched.code).toBe(1);
    expect(resultLine(dispatched.stdout)).toBe("CONFIGMGR-RESULT step=demo status=failed detail=the create script ended without a result");
    expect(bare.code).toBe(1);
    expect(resultLine(bare.stdout)).toBe("CONFIGMGR-RESULT step=bootstrap status=failed detail=the script ended without an exit code");
  }, PWSH_RUNS);

  it("an action without a script fails", async () => {
    const run = await runRemote(remoteCommand("delete"), actionScript("verify", { create: wrapScript("verify/check", "exit 0") }));
    expect(run.code).toBe(1);
    expect(resultLine(run.stdout)).toBe("CONFIGMGR-RESULT step=verify status=failed detail=no create/update script for action delete");
  }, PWSH_RUNS);
});

describe("integrity: empty, truncated or altered stdin is refused before anything runs", () => {
  it("refuses each with exit 1 and runs none of the script", async () => {
    const good = step("Write-Result 'changed' 'ran'\nexit 0");
    const lines = good.split("\n");
    const flipped = lines.map((l, i) => (i === 2 ? (l[0] === "A" ? "B" : "A") + l.slice(1) : l)).join("\n");
    const cases = {
      empty: "",
      "header only": `${lines[0]}\n`,
      "last line missing": lines.slice(0, -2).join("\n") + "\n",
      "half of it": good.slice(0, Math.floor(good.length / 2)),
      "one character changed": flipped,
      "raw script, no header": "Write-Output 'CONFIGMGR-RESULT step=x status=changed detail=ran'\nexit 0\n",
    };
    const runs = await Promise.all(Object.values(cases).map((stdin) => runRemote(remoteCommand("create"), stdin)));
    Object.keys(cases).forEach((name, i) => {
      expect(runs[i].code, name).toBe(1);
      expect(resultLine(runs[i].stdout), name).toMatch(/^CONFIGMGR-RESULT step=bootstrap status=failed detail=(no script arrived on stdin|the script on stdin is not whole)/);
      expect(runs[i].stdout, name).not.toContain("detail=ran");
    });
    const whole = await runRemote(remoteCommand("create"), good);
    expect([whole.code, resultLine(whole.stdout)]).toEqual([0, "CONFIGMGR-RESULT step=demo/create status=changed detail=ran"]);
  }, PWSH_RUNS);

  it("the command lines stay far below cmd.exe's 8,191 characters and carry only the bootstrap", () => {
    for (const action of ["create", "update", "delete"] as const) expect(remoteCommand(action).length).toBeLessThan(4000);
    expect(REMOTE_COMMAND).toBe(`powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand ${encodePowerShell(BOOTSTRAP)}`);
  }, PWSH_RUNS);
});

describe("values land unchanged, whatever code page decodes stdin", () => {
  const NON_ASCII = ["Zürich", "Malmö Ålesund", "日本 支社", "🙂 emoji", "ZQXMđ; whoami; #", "สาขากรุงเทพ", "Ελλάδα", "Łódź", "‘typographic’ “quotes”"];

  it("the issue's own attack: raw UTF-8 text read as cp1252 runs code (the old transport), base64 does not", async () => {
    // The old way: stdin was the script's text, decoded with whatever code page the host uses.
    const oldBootstrap = "$text = [string]::Join([string][char]10, [string[]]@($input)); & ([ScriptBlock]::Create($text)); exit 1";
    const oldCommand = `powershell.exe -NoProfile -NonInteractive -EncodedCommand ${encodePowerShell(oldBootstrap)}`;
    const raw = "$v = 'ZQXMđ; Write-Output INJECTED; #'\nWrite-Output ('value=' + $v)\nexit 0\n";
    const [utf8, cp1252] = await Promise.all([runRemote(oldCommand, raw, localeEnv(CODE_PAGES.utf8)), runRemote(oldCommand, raw, localeEnv(CODE_PAGES.cp1252))]);
    expect(utf8.stdout).toContain("value=ZQXMđ; Write-Output INJECTED; #");
    expect(cp1252.stdout).toMatch(/^INJECTED$/m);
    // The library's way: the same value through the data block and the base64 stdin.
    const run = await written(writerScript(["ZQXMđ; Write-Output INJECTED; #"]), CODE_PAGES.cp1252);
    expect(run.stdout).not.toMatch(/^INJECTED$/m);
    expect(run.text).toBe("ZQXMđ; Write-Output INJECTED; #");
  }, PWSH_RUNS);

  it("non-ASCII values are written byte for byte identically under UTF-8, cp1252 and cp874", async () => {
    const stdin = writerScript(NON_ASCII);
    const runs = await Promise.all(Object.values(CODE_PAGES).map((locale) => written(stdin, locale)));
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(run.text).toBe(NON_ASCII.join("\n"));
    }
  }, PWSH_RUNS);

  it("every hostile string of the quoting property test ends up literally where the script writes it", async () => {
    const values = [...NASTY, NASTY.join(""), ...fc.sample(nameArb, { numRuns: 300, seed: 8 })];
    const runs = await Promise.all([written(writerScript(values), CODE_PAGES.utf8), written(writerScript(values), CODE_PAGES.cp874)]);
    for (const run of runs) {
      expect(run.code, run.stdout).toBe(0);
      expect(run.text.split("\n")).toEqual(values.flatMap((v) => v.split("\n")));
    }
  }, PWSH_RUNS);

  it("through a real generator: a hostile DP name lands literally in the host script's result line", async () => {
    const names = ["we'b$(whoami)`;\u2019.lab.local", "a\u2018b\u201a\u201b'@\n".trim(), "x#>\"<#; exit 0 &| {}()"];
    const runs = await Promise.all(
      names.map((dpServer) =>
        runRemote(
          remoteCommand("create"),
          actionScript("host-prepare", { create: hostPrepareScript({ os: "windows-7", domain: "LAB", siteServer: "cm01.lab.local", dpServer, installFeatures: false, grantLocalAdmin: false }, "create") }),
          localeEnv(CODE_PAGES.cp1252),
        ),
      ),
    );
    names.forEach((dpServer, i) => {
      expect(runs[i].code).toBe(0);
      expect(resultLine(runs[i].stdout)).toBe(`CONFIGMGR-RESULT step=host-prepare/create status=unchanged detail=${dpServer}: already prepared, nothing to change`);
    });
  }, PWSH_RUNS);
});
