#!/usr/bin/env node
// Builds the lab double's cmdlet signature tables (test/labdouble/signatures/<version>.json) from
// Microsoft's cmdlet reference. Facts only (parameter names, types, sets, aliases, positions):
// the double's code is our own.
//
//   node test/labdouble/tools/signatures.mjs cb <mirror-git-dir>      current branch versions from
//       MicrosoftDocs/sccm-docs-powershell-ref (platyPS pages) at the commits listed in CB_VERSIONS
//   node test/labdouble/tools/signatures.mjs technet <version> <file>  a System Center 2012 version
//       from TechNet "Parameter Set:" syntax lines collected in <file> (see README, "Sources")
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "signatures");
export const CMDLETS = JSON.parse(readFileSync(join(here, "cmdlets.json"), "utf8"));

/** Version -> commit of sccm-docs-powershell-ref whose pages describe it (README, "Sources"). */
const CB_VERSIONS = {
  "1610": { before: "2017-03-22", note: "last commit before the 1702 boundary-group updates (PR 85/86, 2017-03-23); pages 'updated for 1610 changes' (cada5695)" },
  "1702": { before: "2017-06-28", note: "last commit before the 1706 refresh (PR 96, 2017-06-29)" },
  "2403": { before: "2024-07-01", note: "the reference as of mid-2024 (last platyPS refresh: 2111; pages edited since)" },
  "2509": { before: "2026-02-01", note: "the newest stored reference (2026-01)" },
};

/** Tokens of one syntax line: [{ name, type, mandatory, positional }]. Values lists in braces are kept. */
export function parseSyntaxLine(line) {
  const params = [];
  let shouldProcess = false;
  const re =
    /\[\[-(\w+)\]\s*<([^>]+)>\s*(\{[^}]*\})?\s*\]|\[-(\w+)\]\s*<([^>]+)>\s*(\{[^}]*\})?|\[-(\w+)\s*<([^>]+)>\s*(\{[^}]*\})?\s*\]|\[-(\w+)\]|-(\w+)\s*<([^>]+)>\s*(\{[^}]*\})?|-(\w+)|\[\s*<CommonParameters>\s*\]/g;
  let m;
  const values = (s) => (s ? s.replace(/[{}]/g, "").split("|").map((v) => v.trim()).filter(Boolean) : undefined);
  while ((m = re.exec(line))) {
    let p;
    if (m[1]) p = { name: m[1], type: m[2], mandatory: false, positional: true, values: values(m[3]) };
    else if (m[4]) p = { name: m[4], type: m[5], mandatory: true, positional: true, values: values(m[6]) };
    else if (m[7]) p = { name: m[7], type: m[8], mandatory: false, values: values(m[9]) };
    else if (m[10]) p = { name: m[10], type: "SwitchParameter", mandatory: false };
    else if (m[11]) p = { name: m[11], type: m[12], mandatory: true, values: values(m[13]) };
    else if (m[14]) p = { name: m[14], type: "SwitchParameter", mandatory: true };
    else continue;
    if (p.name === "WhatIf" || p.name === "Confirm") { shouldProcess = true; continue; }
    if (!p.values) delete p.values;
    if (!p.positional) delete p.positional;
    params.push(p);
  }
  return { params, shouldProcess };
}

function yamlBlocks(section) {
  const blocks = [];
  for (const m of section.matchAll(/```yaml\n([\s\S]*?)```/g)) {
    const o = {};
    for (const l of m[1].split("\n")) {
      const i = l.indexOf(":");
      if (i > 0) o[l.slice(0, i).trim()] = l.slice(i + 1).trim();
    }
    blocks.push(o);
  }
  return blocks;
}

/** A syntax block without its leading cmdlet name (whose "-CM..." would read as a parameter). */
const stripName = (code) => code.replace(/\s+/g, " ").trim().replace(/^[A-Za-z]+-[A-Za-z]+\s*/, " ");

/** One platyPS page -> { defaultSet, shouldProcess, sets: { name: [param] } }. */
export function parsePlatyPs(md) {
  const syntax = md.slice(md.indexOf("## SYNTAX"), md.indexOf("## DESCRIPTION"));
  const sets = {};
  let defaultSet;
  let shouldProcess = false;
  const parts = syntax.split(/^### /m).slice(1);
  if (parts.length === 0) {
    // A page with one unnamed set.
    const code = syntax.match(/```\n?([\s\S]*?)```/);
    const r = parseSyntaxLine(stripName(code[1]));
    sets.__AllParameterSets = r.params;
    shouldProcess = r.shouldProcess;
  }
  for (const part of parts) {
    const header = part.split("\n")[0].trim();
    const name = header.replace(/\s*\(Default\)\s*$/, "");
    if (/\(Default\)/.test(header)) defaultSet = name;
    const code = part.match(/```\w*\n([\s\S]*?)```/);
    const r = parseSyntaxLine(stripName(code[1]));
    sets[name] = r.params;
    shouldProcess ||= r.shouldProcess;
  }
  const paramSection = md.slice(md.indexOf("## PARAMETERS"));
  const details = {};
  for (const part of paramSection.split(/^### -/m).slice(1)) {
    const name = part.split("\n")[0].trim();
    details[name] = yamlBlocks(part);
  }
  for (const [setName, params] of Object.entries(sets)) {
    for (const p of params) {
      const blocks = details[p.name] ?? [];
      const block =
        blocks.find((b) => (b["Parameter Sets"] ?? "").split(",").map((s) => s.trim()).includes(setName)) ??
        blocks.find((b) => /\(All\)/.test(b["Parameter Sets"] ?? "")) ??
        blocks[0];
      if (!block) continue;
      if (block.Aliases) p.aliases = block.Aliases.split(",").map((s) => s.trim()).filter(Boolean);
      if (block.Position && /^\d+$/.test(block.Position)) p.position = Number(block.Position);
      if (/True \(ByValue/.test(block["Accept pipeline input"] ?? "")) p.pipeline = true;
      if (block["Accepted values"]) p.values = block["Accepted values"].split(",").map((s) => s.trim());
      if (p.aliases && p.aliases.length === 0) delete p.aliases;
      delete p.positional;
    }
  }
  return { defaultSet, shouldProcess, sets };
}

function git(dir, ...args) {
  return execFileSync("git", ["--git-dir", dir, ...args], { encoding: "utf8", maxBuffer: 64 << 20 });
}

function cb(mirror) {
  for (const [version, { before, note }] of Object.entries(CB_VERSIONS)) {
    const commit = git(mirror, "rev-list", "-1", `--before=${before}`, "main").trim();
    const files = git(mirror, "ls-tree", "-r", "--name-only", commit).split("\n");
    const table = { version, source: `MicrosoftDocs/sccm-docs-powershell-ref@${commit} (${note})`, cmdlets: {} };
    for (const name of CMDLETS) {
      const path = files.find((f) => f.endsWith(`/${name}.md`) && /ConfigurationManager\//.test(f));
      if (!path) continue; // not in that version's reference: the double has no such cmdlet there
      const sig = parsePlatyPs(git(mirror, "show", `${commit}:${path}`));
      table.cmdlets[name] = { source: `${path}@${commit.slice(0, 10)}`, ...sig };
    }
    writeFileSync(join(out, `${version}.json`), JSON.stringify(table, null, 1) + "\n");
    console.log(version, commit, Object.keys(table.cmdlets).length, "cmdlets");
  }
}

/**
 * A TechNet file: blocks of
 *   ## <Cmdlet> <url>
 *   Parameter Set: <name>
 *   <syntax line>
 * (the first set listed is the default, as TechNet lists it first).
 */
function technet(version, file, label) {
  const table = { version, source: label, cmdlets: {} };
  for (const block of readFileSync(file, "utf8").split(/^## /m).slice(1)) {
    const [head, ...rest] = block.split("\n");
    const [name, url] = head.trim().split(/\s+/);
    const sets = {};
    let defaultSet;
    let shouldProcess = false;
    let current;
    for (const line of rest) {
      const m = line.match(/^Parameter Set:\s*(\S+)/);
      if (m) { current = m[1]; defaultSet ??= current; continue; }
      if (current && line.trim().startsWith(name)) {
        const r = parseSyntaxLine(line.trim().slice(name.length));
        sets[current] = r.params;
        shouldProcess ||= r.shouldProcess;
      }
    }
    table.cmdlets[name] = { source: url, defaultSet, shouldProcess, sets };
  }
  writeFileSync(join(out, `${version}.json`), JSON.stringify(table, null, 1) + "\n");
  console.log(version, Object.keys(table.cmdlets).length, "cmdlets");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [mode, a, b, c] = process.argv.slice(2);
  if (mode === "cb") cb(a);
  else if (mode === "technet") technet(a, b, c);
  else { console.error("usage: signatures.mjs cb <mirror> | technet <version> <file> <label>"); process.exit(2); }
}
