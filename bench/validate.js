"use strict";
/**
 * `validate` against the floors of issue 12 (npm run bench runs this first): for 1,000 /
 * 12,500 / 125,000 DPs, written as YAML and as JSON, the time of readTopologyFile +
 * validateDocument (what `pulumi-configmgr validate` does before printing) against
 *   YAML: js-yaml's load of the same text (the fastest correct YAML 1.2 parser measured here),
 *   JSON: reading the file + JSON.parse,
 * with each stage on its own (read, parse, schema, normalise, model, each rule family,
 * waivers), the ratios, the memory held against the parsed document's heap, and the loader's
 * stress cases of issue 14 (mappings of 20k/40k/100k keys, a 50 MB string, a 1M-element array).
 * Each size runs in a child process of its own (so one size's garbage and JIT state do not
 * change another's figures); in it, the floor and validate are timed in alternating rounds, and
 * the ratio is the median of the rounds' ratios (their range printed beside it). Ratios are
 * printed, not asserted: they depend on the machine.
 *
 *   node bench/validate.js [--sizes 1000,12500,125000] [--formats yaml,json] [--reps N]
 */
const { spawnSync } = require("node:child_process");
const { mkdtempSync, writeFileSync, readFileSync, rmSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const MB = 1024 * 1024;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
const fmtMB = (b) => `${(b / MB).toFixed(b < 10 * MB ? 1 : 0)} MB`;

/** Block YAML for the generated document (the `yaml` package's stringify takes minutes on 125,000 DPs). */
function toYaml(value, indent = "") {
  const scalar = (v) => (typeof v === "string" ? (/^[A-Za-z][A-Za-z0-9 ._/-]*$/.test(v) && !/^(true|false|null|yes|no)$/i.test(v) && !/: |\s$/.test(v) ? v : JSON.stringify(v)) : String(v));
  if (Array.isArray(value)) {
    if (value.length === 0) return " []\n";
    return "\n" + value.map((v) => (v !== null && typeof v === "object" ? `${indent}- ${toYaml(v, indent + "  ").trimStart()}` : `${indent}- ${scalar(v)}\n`)).join("");
  }
  if (value !== null && typeof value === "object") {
    const lines = Object.entries(value).map(([k, v]) => (v !== null && typeof v === "object" ? `${indent}${k}:${toYaml(v, indent + "  ")}` : `${indent}${k}: ${scalar(v)}\n`));
    return (indent === "" ? "" : "\n") + lines.join("");
  }
  return ` ${scalar(value)}\n`;
}

function shapeFor(dps) {
  const { LARGE } = require("./generate-hierarchy");
  const scale = dps / 125_000;
  return { ...LARGE, standardPerPrimary: Math.round(LARGE.standardPerPrimary * scale), secondariesPerPrimary: Math.round(LARGE.secondariesPerPrimary * scale) };
}

// ---------------------------------------------------------------- child: one file, all stages
function child(file, format, reps) {
  const jsyaml = require("js-yaml");
  const { readTopologyFile } = require("../dist/topology/load");
  const { validateDocument } = require("../dist/rules/engine");
  const { topologySchema } = require("../dist/topology/schema");
  const { NOT_FAST } = require("../dist/topology/fast-shape");
  const { compiledShapeCheck } = require("../dist/topology/parse");
  const { normalizeTopology } = require("../dist/topology/normalize");
  const { buildModel } = require("../dist/topology/model");
  const { runRules, toDiagnostic } = require("../dist/rules/run");
  const { applyWaivers } = require("../dist/rules/waivers");
  const { CATALOG } = require("../dist/rules/catalog");
  const families = {
    document: require("../dist/rules/sections/document").DOCUMENT_RULES,
    hierarchy: require("../dist/rules/sections/hierarchy").HIERARCHY_RULES,
    capacity: require("../dist/rules/sections/capacity").CAPACITY_RULES,
    host: require("../dist/rules/sections/host").HOST_RULES,
    "pull-pxe": require("../dist/rules/sections/pull-pxe").PULL_PXE_RULES,
    boundaries: require("../dist/rules/sections/boundaries").BOUNDARY_RULES,
  };
  const out = {};
  // Parsed heap: what the data of the document holds once parsed (the memory target's unit). The
  // text is read in a function of its own: a temporary of this long function could stay alive in
  // one of its registers and be counted as part of the data.
  const parsedOnce = () => (format === "json" ? JSON.parse(readFileSync(file, "utf8")) : jsyaml.load(readFileSync(file, "utf8")));
  // Memory held: the heap's live objects plus memory outside the heap (Buffers and external
  // strings, such as the file's text), after a collection.
  const held = () => {
    global.gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  };
  out.parsedHeap = (() => {
    global.gc();
    const heap0 = process.memoryUsage().heapUsed;
    const keep = parsedOnce();
    global.gc();
    if (keep === undefined) throw new Error("the document parsed to nothing");
    return process.memoryUsage().heapUsed - heap0;
  })();

  // Floor and validate in alternating rounds (a collection before each), so that a change of the
  // machine's pace during the run weighs on both alike; the ratio is the median of the rounds'
  // ratios, and its range is printed too. The JSON floor is read and JSON.parse in one timed
  // block, as a program reads a file and as validate does. Timed apart, with a collection between
  // them, the parse ran on a heap just collected with the text in it, and the collections that a
  // parse right after reading 128 MB brings (an old-generation marking in some rounds, one more
  // scavenge in others) fell outside it: that floor was 2–5% lower in paired rounds (stop 24).
  global.gc();
  const rss0 = process.memoryUsage().rss;
  const floors = [];
  const validates = [];
  const ratios = [];
  let verdict;
  const timed = (fn) => {
    global.gc();
    const t0 = process.hrtime.bigint();
    const r = fn();
    return [Number(process.hrtime.bigint() - t0) / 1e6, r];
  };
  for (let i = 0; i < reps; i++) {
    // The floor's text is garbage before validate runs (a function of its own), as in the CLI.
    const floor = (() => {
      if (format === "json") return timed(() => JSON.parse(readFileSync(file, "utf8")))[0];
      const text = readFileSync(file, "utf8");
      return timed(() => jsyaml.load(text))[0];
    })();
    const [validate, result] = timed(() => {
      // The whole of validate, as the CLI runs it.
      const loaded = readTopologyFile(file);
      const r = validateDocument(loaded, undefined, { consume: true });
      // Only the verdict is kept (the model would weigh on the runs after this one).
      return { summary: r.summary, unreadable: r.unreadable };
    });
    floors.push(floor);
    validates.push(validate);
    ratios.push(validate / floor);
    verdict = result;
  }
  out.floor = median(floors);
  out.ratio = median(ratios);
  out.ratioRange = [Math.min(...ratios), Math.max(...ratios)];
  const v = { ms: median(validates), out: verdict };
  out.validate = v.ms;
  out.errors = v.out.summary.errors;
  out.warnings = v.out.summary.warnings;
  out.unreadable = !!v.out.unreadable;
  // Memory, in a run of its own (the collections it needs would change the times): what is held
  // once the file is loaded, and once validated with the model kept, the larger of the two.
  out.heldAboveStart = (() => {
    const held0 = held();
    const loaded = readTopologyFile(file);
    const afterLoad = held();
    const result = validateDocument(loaded, undefined, { consume: true });
    const afterValidate = held();
    if (!result.summary) throw new Error("no verdict");
    return Math.max(afterLoad, afterValidate) - held0;
  })();
  out.maxRssMB = process.resourceUsage().maxRSS / 1024;
  out.rss0MB = rss0 / MB;
  // Stages on their own, in validate's order on the same data, each the median over the runs.
  const stages = { read: [], parse: [], load: [], schema: [], normalise: [], model: [], waivers: [] };
  const familyTimes = Object.fromEntries(Object.keys(families).map((k) => [k, []]));
  const lap = (list, fn) => {
    const t0 = process.hrtime.bigint();
    const r = fn();
    list.push(Number(process.hrtime.bigint() - t0) / 1e6);
    return r;
  };
  // The read alone, and the parser alone on the text (JSON.parse; for YAML the floor itself,
  // js-yaml's load); the text is garbage once this returns.
  const readAndParse = () => {
    const text = lap(stages.read, () => readFileSync(file, "utf8"));
    if (format === "json") lap(stages.parse, () => JSON.parse(text) !== undefined);
  };
  // One round per call: a round's document and model are garbage before the next round loads
  // (locals of a loop body in this function could stay alive and make every collection dearer).
  const stageRound = () => {
    readAndParse();
    global.gc();
    const loaded = lap(stages.load, () => readTopologyFile(file));
    const doc = lap(stages.schema, () => {
      // The check validate runs: the data handed over (ParseOptions.consume), so checked in place,
      // and for JSON text by its fields only, with the key count that tells a key written twice.
      const { fast, path } = compiledShapeCheck(loaded, loaded.data, { consume: true });
      out.shapePath = fast === NOT_FAST ? "zod" : `compiled (${path})`;
      return fast === NOT_FAST ? topologySchema.parse(loaded.data) : fast;
    });
    const norm = lap(stages.normalise, () => normalizeTopology(doc));
    const model = lap(stages.model, () => buildModel(norm));
    let found = [];
    for (const [name, rules] of Object.entries(families)) found = found.concat(lap(familyTimes[name], () => runRules(model, rules, loaded)));
    lap(stages.waivers, () => applyWaivers(model, [...found], CATALOG, (rule, f) => toDiagnostic(rule, f, loaded)));
  };
  for (let i = 0; i < reps; i++) {
    global.gc();
    stageRound();
  }
  for (const [k, list] of Object.entries(stages)) out[k] = median(list);
  if (format !== "json") out.parse = out.floor;
  out.families = Object.fromEntries(Object.entries(familyTimes).map(([k, list]) => [k, median(list)]));
  process.stdout.write(JSON.stringify(out));
}

// ---------------------------------------------------------------- child: issue 14's stress cases
function stress() {
  const { readTopologyText } = require("../dist/topology/load");
  const { validateDocument } = require("../dist/rules/engine");
  const run = (label, text) => {
    global.gc();
    const h0 = process.memoryUsage().heapUsed;
    const t0 = process.hrtime.bigint();
    const result = validateDocument(readTopologyText(text, "stress"));
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const heap = process.memoryUsage().heapUsed - h0;
    return { label, ms, heap, chars: text.length, verdict: result.unreadable ? "unreadable" : `${result.summary.errors} errors` };
  };
  const keys = (n, dup) => `configMgrVersion: "2403"\ndomain: LAB\nextra:\n${Array.from({ length: n }, (_, i) => `  k${i}: ${i}`).join("\n")}\n${dup ? "  k1: again\n" : ""}`;
  const rows = [];
  for (const n of [20_000, 40_000, 100_000]) rows.push(run(`${n.toLocaleString("en-US")}-key mapping`, keys(n, false)));
  for (const n of [20_000, 40_000, 100_000]) rows.push(run(`${n.toLocaleString("en-US")}-key mapping, a key written twice`, keys(n, true)));
  rows.push(run("50 MB double-quoted YAML string", `domain: "${"x".repeat(50 * 1000 * 1000)}"\n`));
  rows.push(run("1M-element array in 7 MB of JSON", `{"configMgrVersion":"2403","domain":"LAB","waivers":[${Array.from({ length: 1_000_000 }, (_, i) => 100_000 + i).join(",")}]}`));
  process.stdout.write(JSON.stringify(rows));
}

// ---------------------------------------------------------------- parent
function spawnChild(args) {
  const r = spawnSync(process.execPath, ["--expose-gc", "--max-old-space-size=8192", __filename, ...args], { encoding: "utf8", maxBuffer: 64 * MB });
  if (r.status !== 0) throw new Error(`bench child ${args.join(" ")} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function main() {
  const sizes = arg("--sizes", "1000,12500,125000").split(",").map(Number);
  const reps = Number(arg("--reps", "5"));
  const formats = arg("--formats", "yaml,json").split(",");
  const { generateHierarchy } = require("./generate-hierarchy");
  const dir = mkdtempSync(join(tmpdir(), "cm-bench-"));
  console.log(`validate against its floors — node ${process.version}; median of ${reps} rounds (3 for the largest YAML) per figure, each size in its own process\n`);
  const results = [];
  try {
    for (const dps of sizes) {
      const doc = generateHierarchy(shapeFor(dps));
      for (const format of formats) {
        const file = join(dir, `h${dps}.${format}`);
        writeFileSync(file, format === "json" ? JSON.stringify(doc, null, 2) : toYaml(doc));
        const bytes = readFileSync(file).length;
        const r = spawnChild(["--child", file, format, String(dps >= 100_000 && format === "yaml" ? Math.min(reps, 3) : reps)]);
        rmSync(file);
        results.push({ dps: doc.distributionPoints.length, format, bytes, ...r });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const head = ["DPs", "format", "size", "floor", "validate", "ratio", "read", "parse", "load", "schema", "normalise", "model", "rules", "waivers", "held / parsed heap", "max RSS", "verdict"];
  const rows = results.map((r) => {
    const rules = Object.values(r.families).reduce((a, b) => a + b, 0);
    return [
      r.dps.toLocaleString("en-US"), r.format, fmtMB(r.bytes), fmtMs(r.floor), fmtMs(r.validate), `${r.ratio.toFixed(1)}× (${r.ratioRange.map((x) => x.toFixed(1)).join("–")})`,
      fmtMs(r.read), fmtMs(r.parse), fmtMs(r.load), fmtMs(r.schema), fmtMs(r.normalise), fmtMs(r.model), fmtMs(rules), fmtMs(r.waivers),
      `${fmtMB(r.heldAboveStart)} / ${fmtMB(r.parsedHeap)} = ${(r.heldAboveStart / r.parsedHeap).toFixed(1)}×`, `${r.maxRssMB.toFixed(0)} MB`,
      r.unreadable ? "UNREADABLE" : `${r.errors} errors, ${r.warnings} warnings`,
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  for (const row of [head, ...rows]) console.log(row.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  "));
  console.log("\nfloor: YAML = js-yaml load of the text; JSON = read + JSON.parse, timed as one (JSON.parse(readFileSync(file))). read = readFileSync of the text alone; parse = the parser alone on the text (JSON.parse; for YAML js-yaml's load, the floor). load = readTopologyFile (read, decode, parse; YAML: keys written twice; JSON: the text's key colons, which the shape check's count of the parsed keys is compared with).");
  console.log(`schema = the shape check validate runs: ${[...new Set(results.map((r) => r.shapePath))].join(", ")} (the compiled checker of fast-shape.ts; zod only when it refuses).`);
  console.log("rule families (time per family, largest size of each format):");
  for (const format of ["yaml", "json"]) {
    const r = results.filter((x) => x.format === format).at(-1);
    if (r) console.log(`  ${format} ${r.dps.toLocaleString("en-US")} DPs: ${Object.entries(r.families).map(([k, ms]) => `${k} ${fmtMs(ms)}`).join(", ")}`);
  }
  console.log("\ntargets (issue 12), measured in this run:");
  const by = (dps, format) => results.find((r) => r.dps === dps && r.format === format);
  const check = (what, ok, value) => console.log(`  ${ok ? "met   " : "MISSED"}  ${what.padEnd(58)} ${value}`);
  const y = by(12_500, "yaml");
  const ratio = (r) => `${r.ratio.toFixed(2)}× (rounds: ${r.ratioRange.map((x) => x.toFixed(2)).join("–")})`;
  if (y) check("YAML 12,500 DPs: validate ≤ 2× js-yaml load", y.ratio <= 2, ratio(y));
  const j = by(125_000, "json");
  if (j) check("JSON 125,000 DPs: validate ≤ 2× read + JSON.parse", j.ratio <= 2, ratio(j));
  for (const format of ["yaml", "json"]) {
    const a = by(12_500, format);
    const b = by(125_000, format);
    if (a && b) check(`${format.toUpperCase()}: 10× the document ≤ 11× the time`, b.validate / a.validate <= 11, `${(b.validate / a.validate).toFixed(1)}×`);
  }
  for (const r of results) {
    if (r.dps >= 12_500) check(`${r.format.toUpperCase()} ${r.dps.toLocaleString("en-US")} DPs: memory held ≤ 4× the parsed heap`, r.heldAboveStart <= 4 * r.parsedHeap, `${(r.heldAboveStart / r.parsedHeap).toFixed(1)}×`);
  }
  if (!process.argv.includes("--no-stress")) {
    console.log("\nloader stress (issue 14), one run each:");
    for (const s of spawnChild(["--stress"])) console.log(`  ${s.label.padEnd(44)} ${fmtMs(s.ms).padStart(9)}  heap Δ ${fmtMB(Math.max(0, s.heap)).padStart(7)}  (${fmtMB(s.chars)} of text) → ${s.verdict}`);
  }
  if (results.some((r) => r.unreadable || r.errors > 0)) process.exitCode = 1;
}

if (process.argv[2] === "--child") child(process.argv[3], process.argv[4], Number(process.argv[5]));
else if (process.argv[2] === "--stress") stress();
else main();
