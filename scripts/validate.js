#!/usr/bin/env node
// `npm run validate [-- <file…>]`: validates the given topology files, or the seed's lab.
"use strict";
const { join } = require("node:path");
const { runCli } = require("../dist/cli/main");

const files = process.argv.slice(2);
const args = files.length > 0 ? files : [join("examples", "lab", "topology.yaml")];
process.exitCode = runCli(["validate", ...args], {
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: process.stdout.isTTY === true,
});
