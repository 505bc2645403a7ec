#!/usr/bin/env node
// `npm run preview`: `pulumi preview` of examples/lab through the official `pulumi` npm package,
// on a local file backend inside the project (Pulumi.yaml), with the lab's empty passphrase.
// The npm package downloads the CLI on first use; where that cannot happen (no network, as on
// the project's own build machine) this stops within seconds and says what to run instead.
"use strict";
const { spawnSync } = require("node:child_process");
const { mkdirSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..");
const RESOLVE_TIMEOUT_MS = Number(process.env.PREVIEW_RESOLVE_TIMEOUT_MS || 20000);

function cannotRun(reason) {
  process.stderr.write(
    `\nnpm run preview needs the Pulumi CLI, and it could not be had here: ${reason}. ` +
      "The `pulumi` npm package downloads the CLI on first use (from get.pulumi.com), which needs " +
      "network access; with it, this command previews examples/lab against a local state folder " +
      "(.pulumi-state/) without any Pulumi Cloud login. Without it, run `npm run validate`: it checks " +
      "the same lab topology offline with the same rules that `pulumi preview` enforces.\n\n",
  );
  process.exit(1);
}

async function main() {
  let resolve;
  try {
    ({ resolve } = require("pulumi/lib/resolve"));
  } catch {
    cannotRun("the `pulumi` npm package is not installed (run npm ci)");
  }
  const timeout = new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`no answer within ${RESOLVE_TIMEOUT_MS / 1000} s`)), RESOLVE_TIMEOUT_MS).unref(),
  );
  let bin;
  try {
    bin = await Promise.race([resolve(), timeout]);
  } catch (err) {
    cannotRun(String(err && err.message ? err.message : err).split("\n")[0]);
  }
  mkdirSync(join(root, ".pulumi-state"), { recursive: true });
  const env = {
    ...process.env,
    PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "",
    PULUMI_SKIP_UPDATE_CHECK: "true",
  };
  const run = (args) => spawnSync(bin, args, { cwd: root, env, stdio: "inherit" }).status ?? 1;
  if (run(["stack", "select", "lab", "--create", "--non-interactive"]) !== 0) process.exit(1);
  process.exit(run(["preview", "--stack", "lab", "--non-interactive", ...process.argv.slice(2)]));
}

main();
