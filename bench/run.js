"use strict";
/**
 * Speed benchmark (npm run bench): the largest legal hierarchy (CAS, 25 primaries, 5,000 DPs per
 * primary tree: about 125,000 DPs) and a tenth of it. For both: time (median of a few runs, after
 * a warm-up) and heap of schema parsing (parseTopology: zod + normalisation + model build, with
 * the stages also measured on their own) and of evaluate; then the large/small ratios.
 * Targets on the reference machine: evaluate (large) < 1 s, parsing (large) < 3 s, ratios ≤ 12.
 *
 *   node --expose-gc bench/run.js [--reps N]   (re-runs itself with --expose-gc when needed)
 * Exit 1 when a generated document is not legal (the figures would not mean anything).
 */
const { spawnSync } = require("node:child_process");

if (typeof global.gc !== "function") {
  const child = spawnSync(process.execPath, ["--expose-gc", __filename, ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(child.status ?? 1);
}

const { generateHierarchy, LARGE } = require("./generate-hierarchy");
const { loadTopologyObject } = require("../dist/topology/load");
const { parseTopology } = require("../dist/topology/parse");
const { topologySchema } = require("../dist/topology/schema");
const { normalizeTopology } = require("../dist/topology/normalize");
const { buildModel } = require("../dist/topology/model");
const { evaluate, validateDocument } = require("../dist/rules/engine");
const { RULES } = require("../dist/rules/catalog");
const { runRules } = require("../dist/rules/run");

const repsArg = process.argv.indexOf("--reps");
const REPS = repsArg > 0 ? Number(process.argv[repsArg + 1]) : 5;
if (!Number.isInteger(REPS) || REPS < 1) {
  console.error("bench: --reps needs a whole number ≥ 1");
  process.exit(2);
}

/**
 * A tenth: the same 25 primaries and the same shape of tree (19 DPs per secondary), with a
 * tenth of each primary's standard DPs and of its secondaries: 25 × (25 + 25 × 19) = 12,500
 * DPs. Every collection (DPs, secondaries, boundary groups) shrinks by 10 together, so the
 * ratio measures growth with the document's size. (Fewer primaries cannot give exactly a tenth:
 * 2.5 primaries.)
 */
const SMALL = { ...LARGE, standardPerPrimary: LARGE.standardPerPrimary / 10, secondariesPerPrimary: LARGE.secondariesPerPrimary / 10 };

const MB = 1024 * 1024;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Runs fn `warmups` times uncounted (so the JIT has optimised the code), then `reps` times.
 * Time: hrtime, median. Heap: `growth` is heapUsed after − before with a full gc just before
 * (young-generation collections during the run hide part of the garbage, so it is a lower
 * bound of what was allocated); `retained` is after another full gc while the result is
 * still referenced (what keeping the result costs).
 */
function measure(fn, warmups, reps) {
  let keep;
  for (let i = 0; i < warmups; i++) keep = fn();
  const times = [];
  const growth = [];
  const retained = [];
  for (let i = 0; i < reps; i++) {
    keep = undefined;
    global.gc();
    const before = process.memoryUsage().heapUsed;
    const t0 = process.hrtime.bigint();
    keep = fn();
    const t1 = process.hrtime.bigint();
    const after = process.memoryUsage().heapUsed;
    global.gc();
    retained.push(process.memoryUsage().heapUsed - before);
    growth.push(after - before);
    times.push(Number(t1 - t0) / 1e6);
  }
  return { ms: median(times), growthMB: median(growth) / MB, retainedMB: median(retained) / MB, result: keep };
}

/**
 * The small size runs first with 3 warm-ups: the first evaluations of a fresh process run
 * unoptimised code and take several times longer, which would flatter the ratio. The large
 * size then runs code that is already optimised; one warm-up is enough.
 */
function benchSize(label, shape, warmups, reps) {
  const doc = generateHierarchy(shape);
  const size = { label, dps: doc.distributionPoints.length, secondaries: doc.secondarySites.length, groups: doc.boundaryGroups.length };

  // Evaluate first, while the heap holds only the document and one model (as in `validate`):
  // the intermediate results of the stage measurements below would slow every collection.
  const parse = measure(() => parseTopology(loadTopologyObject(doc)), warmups, reps);
  if (!parse.result.ok) throw new Error(`${label}: the generated document does not parse: ${JSON.stringify(parse.result.issues.slice(0, 3))}`);
  const model = parse.result.model;
  const evaluation = measure(() => evaluate(model), warmups, reps * 2);
  evaluation.result = undefined;

  // The verdict a user would get from `validate` on this document (schema, every rule, waivers).
  const { diagnostics, summary } = validateDocument(loadTopologyObject(doc));
  const byRule = {};
  for (const d of diagnostics) if (!d.waived) byRule[`${d.rule} (${d.severity})`] = (byRule[`${d.rule} (${d.severity})`] ?? 0) + 1;

  const zod = measure(() => topologySchema.parse(doc), warmups, reps);
  const normalise = measure(() => normalizeTopology(zod.result), warmups, reps);
  const modelBuild = measure(() => buildModel(normalise.result), warmups, reps);
  for (const step of [parse, zod, normalise, modelBuild]) step.result = undefined;
  return { size, parse, zod, normalise, modelBuild, evaluation, summary, byRule, model };
}

const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`);
const fmtMB = (mb) => (Math.abs(mb) < 0.05 ? "0.0 MB" : `${mb.toFixed(Math.abs(mb) < 10 ? 1 : 0)} MB`);
const pad = (s, w, right = false) => (right ? s.padStart(w) : s.padEnd(w));
const num = (x) => x.toLocaleString("en-US");

function main() {
  console.log(`pulumi-configmgr bench — node ${process.version}, ${RULES.length} rules in the catalog, median of ${REPS * 3} (small) and ${REPS} (large) runs after warm-ups, evaluate twice as many\n`);
  const small = benchSize("small (a tenth)", SMALL, 3, REPS * 3);
  small.model = undefined;
  const large = benchSize("large", LARGE, 1, REPS);

  for (const r of [small, large]) {
    const s = r.size;
    console.log(`${pad(r.size.label, 16)} ${num(s.dps)} DPs, ${num(s.secondaries)} secondaries, ${num(s.groups)} boundary groups — validate: ${r.summary.errors} errors, ${r.summary.warnings} warnings`);
    for (const [rule, count] of Object.entries(r.byRule)) console.log(`${pad("", 16)}   ${rule}: ${num(count)}`);
  }
  console.log();

  const rows = [
    ["parse (parseTopology)", "parse"],
    ["  zod schema", "zod"],
    ["  normalise", "normalise"],
    ["  model build", "modelBuild"],
    ["evaluate (all rules)", "evaluation"],
  ];
  const header = ["step", "small: time", "heap Δ", "retained", "large: time", "heap Δ", "retained", "ratio (time)"];
  const widths = [22, 12, 11, 10, 12, 11, 10, 12];
  const line = (cells) => cells.map((c, i) => pad(c, widths[i], i > 0)).join("  ");
  console.log(line(header));
  const ratios = {};
  for (const [name, key] of rows) {
    const a = small[key];
    const b = large[key];
    ratios[key] = b.ms / a.ms;
    console.log(line([name, fmtMs(a.ms), fmtMB(a.growthMB), fmtMB(a.retainedMB), fmtMs(b.ms), fmtMB(b.growthMB), fmtMB(b.retainedMB), ratios[key].toFixed(1)]));
  }
  console.log();

  const targets = [
    ["evaluate (large) < 1 s", large.evaluation.ms < 1000, fmtMs(large.evaluation.ms)],
    ["parsing (large) < 3 s", large.parse.ms < 3000, fmtMs(large.parse.ms)],
    ["evaluate ratio ≤ 12 (linear)", ratios.evaluation <= 12, ratios.evaluation.toFixed(1)],
    ["parsing ratio ≤ 12 (linear)", ratios.parse <= 12, ratios.parse.toFixed(1)],
    ["generated documents are legal (0 errors)", small.summary.errors === 0 && large.summary.errors === 0, `${small.summary.errors} / ${large.summary.errors}`],
  ];
  console.log("slowest rules on the large hierarchy (median of 3 runs each):");
  const perRule = RULES.map((rule) => {
    const times = [];
    for (let i = 0; i < 3; i++) {
      const t0 = process.hrtime.bigint();
      runRules(large.model, [rule]);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return [rule.id, median(times)];
  }).sort((a, b) => b[1] - a[1]);
  for (const [id, ms] of perRule.slice(0, 6)) console.log(`  ${pad(id, 28)} ${pad(fmtMs(ms), 9, true)}`);
  console.log();

  for (const [what, ok, value] of targets) console.log(`${ok ? "met   " : "MISSED"}  ${pad(what, 42)} ${value}`);
  if (small.summary.errors > 0 || large.summary.errors > 0) process.exitCode = 1;
}

main();
