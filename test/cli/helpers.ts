import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import type { CliIo } from "../../lib/cli/io";
import { labDoc } from "../fixtures/lab";

export interface CapturedIo extends CliIo {
  out(): string;
  err(): string;
}

/** An io that collects what a command writes. Not a terminal unless told. */
export function captureIo(options: { isTTY?: boolean; env?: Record<string, string | undefined> } = {}): CapturedIo {
  let out = "";
  let err = "";
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
    out: () => out,
    err: () => err,
  };
}

let dir: string | undefined;

/** Writes `text` (or an object as YAML) to a fresh file in a temporary directory; returns its path. */
export function writeDoc(name: string, content: string | object): string {
  dir ??= mkdtempSync(join(tmpdir(), "pulumi-configmgr-cli-"));
  const file = join(dir, name);
  writeFileSync(file, typeof content === "string" ? content : stringify(content));
  return file;
}

export function tempDir(): string {
  dir ??= mkdtempSync(join(tmpdir(), "pulumi-configmgr-cli-"));
  return dir;
}

/** The seed lab as YAML. */
export const labYaml = (): string => stringify(labDoc());

/**
 * The lab with two broken limits, written by hand so that lines are known:
 * WIN701 has 4 GB (DP-HW-MIN, line 19) and 10,500 packages + applications (DP-CONTENT-MAX, line 21).
 */
export const brokenLabYaml = (waiver = ""): string => `configMgrVersion: "2012 SP1"
domain: LAB
primarySites:
  - siteCode: P01
    server: cm01.lab.local
    clients: 18
boundaryGroups:
  - name: Lab HQ
    assignedSite: P01
    clients: 18
    boundaries:
      - ipSubnet: 192.168.1.0/24
distributionPoints:
  - server: win701.lab.local
    site: P01
    os: windows-7
    edition: enterprise
    architecture: x64
    hardware: { cores: 2, memoryGB: 4 }
    boundaryGroups: [Lab HQ]
    content: { packages: 9000, applications: 1500 }
${waiver}`;

export const hwWaiver = `waivers:
  - rule: DP-HW-MIN
    object: dp:win701.lab.local
    reason: lab VM with 4 GB, accepted for the pilot
`;

// eslint-disable-next-line no-control-regex
export const ANSI = /\u001b\[/;

/**
 * `npm test` builds dist in pretest; a lone `vitest run test/cli/…` rebuilds when a library
 * source is newer than the built bin. tsc emits despite type errors elsewhere, so only the output matters.
 */
export function ensureBuilt(): string {
  const { existsSync, readdirSync, statSync } = require("node:fs") as typeof import("node:fs");
  const { spawnSync } = require("node:child_process") as typeof import("node:child_process");
  const root = join(__dirname, "../..");
  const bin = join(root, "dist/cli/main.js");
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((m, e) => Math.max(m, e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs), 0);
  if (!existsSync(bin) || statSync(bin).mtimeMs < newest(join(root, "lib"))) {
    spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.build.json")], { cwd: root });
  }
  return bin;
}
