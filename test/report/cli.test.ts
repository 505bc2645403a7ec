import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../lib/cli/main";
import { runReport } from "../../lib/cli/report";
import { ANSI, brokenLabYaml, captureIo, labYaml, tempDir, writeDoc } from "../cli/helpers";

const out = (name: string) => join(tempDir(), name);

describe("pulumi-configmgr report (in-process)", () => {
  it("writes the page for the lab, prints the summary and the path, and exits 0", () => {
    const file = writeDoc("report-lab.yaml", labYaml());
    const html = out("report-lab.html");
    const io = captureIo();
    expect(runCli(["report", file, "--out", html], io)).toBe(0);
    expect(io.out()).toBe(`0 errors, 0 warnings, 0 waived; report written to ${html}\n`);
    expect(io.err()).toBe("");
    const page = readFileSync(html, "utf8");
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain(">win701.lab.local<");
    expect(page).toContain(`<span class="file">${file}</span>`);
  });

  it("writes the page with rule errors too and exits 1 as validate does: the page shows them and the summary line counts them", () => {
    const file = writeDoc("report-broken.yaml", brokenLabYaml());
    const html = out("report-broken.html");
    const io = captureIo({ isTTY: true, env: {} });
    expect(runCli(["report", file, "-o", html], io)).toBe(1);
    expect(io.out()).toMatch(ANSI); // a terminal gets the same colours as validate's summary
    const plain = captureIo();
    expect(runReport({ file, out: html }, plain)).toBe(1);
    expect(plain.out()).toBe(`2 errors, 0 warnings, 0 waived; report written to ${html}\n`);
    const page = readFileSync(html, "utf8");
    expect(page).toContain(`data-rule="DP-HW-MIN"`);
    expect(page).toContain(`data-rule="DP-CONTENT-MAX"`);
  });

  it("writes the diagnostics of a document without the format's shape (exit 1, and says there is no diagram)", () => {
    const file = writeDoc("report-shape.yaml", "configMgrVersion: '2403'\nprimarySites: 3\n");
    const html = out("report-shape.html");
    const io = captureIo();
    expect(runReport({ file, out: html }, io)).toBe(1);
    expect(io.out()).toMatch(/^\d+ errors?, 0 warnings, 0 waived; report written to .*report-shape\.html \(no diagram: the document does not have the topology format's shape\)\n$/);
    expect(readFileSync(html, "utf8")).toContain(`data-rule="SCHEMA"`);
  });

  it.each([
    ["no -o", (f: string) => ["report", f], /give the HTML file to write with -o <file> \(or -o - for standard output\)/],
    ["no file", () => ["report", "--out", out("x.html")], /missing required argument 'file'/],
    ["a file that does not exist", () => ["report", join(tempDir(), "nope.yaml"), "--out", out("nope.html")], /nope\.yaml/],
    ["a YAML syntax error", () => ["report", writeDoc("report-syntax.yaml", "primarySites: [\n"), "--out", out("syntax.html")], /report-syntax\.yaml:\d+:\d+: /],
    ["--out naming the topology file", (f: string) => ["report", f, "--out", f], /is the topology file itself/],
    ["--out in a directory that does not exist", (f: string) => ["report", f, "--out", join(tempDir(), "missing-dir", "r.html")], /cannot write .*missing-dir.*ENOENT/],
  ])("exits 2 for %s, with the reason on stderr and nothing written", (_name, argv, reason) => {
    const file = writeDoc("report-usage.yaml", labYaml());
    const args = argv(file);
    const io = captureIo();
    expect(runCli(args, io)).toBe(2);
    expect(io.err()).toMatch(reason);
    expect(io.out()).toBe("");
    const target = args[args.indexOf("--out") + 1];
    if (args.includes("--out") && target !== file) expect(existsSync(target)).toBe(false);
    expect(readFileSync(file, "utf8")).toBe(labYaml());
  });

  it("runReport without an output path is a usage error", () => {
    const io = captureIo();
    expect(runReport({ file: writeDoc("report-noout.yaml", labYaml()), out: "" }, io)).toBe(2);
    expect(io.err()).toMatch(/-o <file>/);
  });

  it("is listed in the help", () => {
    const io = captureIo();
    expect(runCli(["--help"], io)).toBe(0);
    expect(io.out()).toMatch(/report \[options\] <file>\s+write a self-contained HTML capacity report/);
  });
});
