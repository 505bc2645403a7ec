import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { CATALOG } from "../../lib/rules/catalog";
import { validateDocument } from "../../lib/rules/engine";
import { jsonPositions } from "../../lib/topology/json-text";
import { readTopologyBytes, readTopologyText } from "../../lib/topology/load";
import { referenceYaml, yamlPositions } from "../../lib/topology/yaml-text";
import { labDoc } from "../fixtures/lab";

/**
 * Fuzzing the loader with documents people could write by accident: the lab as YAML and JSON,
 * cut and spliced at random places with YAML's own punctuation, and as bytes (encodings, BOMs,
 * truncation). `npm test` runs FUZZ_RUNS (default 1,000) per property; `npm run fuzz` runs
 * 25,000 per property — 100,000 documents — and `npm run fuzz:nightly` ten times that.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1_000);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
/** A hang guard only (nothing here is timed): generous, and growing with the count. */
const TIMEOUT = Math.max(30_000, RUNS * 20);
const options = (numRuns: number) => ({ numRuns, ...(SEED === undefined ? {} : { seed: SEED }) });

const shared = "x-shared: &a [1, 2]\nx-use: *a\nx-merge: { <<: { q: 1 }, r: 2 }\n";
const labYaml = stringify(labDoc()) + shared;
const labJson = JSON.stringify(labDoc(), null, 2);
const punctuation = fc.constantFrom(
  ..." \n\t:-?[]{},#&*!|>'\"%@`~\\",
  "  ", "\n  ", "- ", ": ", "<<: ", "0o7", "0x1F", "1_0", ".inf", "!!str ", "&x ", "*x", "*a", "? ", "---\n", "...\n", "\r\n", "\r", "\ufeff", "null", "~",
);
const insertion = fc.oneof(fc.string({ unit: "grapheme", maxLength: 8 }), fc.array(punctuation, { maxLength: 6 }).map((a) => a.join("")));
const splice = (base: string) => fc.tuple(fc.nat(base.length), insertion, fc.nat(16)).map(([at, ins, cut]) => base.slice(0, at) + ins + base.slice(at + cut));

function expectUsable(text: string | Uint8Array) {
  const loaded = typeof text === "string" ? readTopologyText(text, "fuzz.yaml") : readTopologyBytes(text, "fuzz.yaml");
  const result = validateDocument(loaded);
  for (const d of result.diagnostics) {
    expect(CATALOG.has(d.rule)).toBe(true);
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.fix.length).toBeGreaterThan(0);
    if (d.line !== undefined) expect(d.line).toBeGreaterThanOrEqual(1);
  }
  if (loaded.error) {
    expect(result.unreadable).toBe(true);
    expect(loaded.error.message).toMatch(/^fuzz\.yaml(:\d+:\d+)?: \S/);
    expect(loaded.error.reason).not.toMatch(/\n/);
  }
}

describe(`loader fuzzing (${RUNS.toLocaleString("en-US")} documents per property)`, () => {
  it("spliced YAML never throws; every refusal names the file and one reason", () => {
    fc.assert(fc.property(splice(labYaml), (text) => expectUsable(text)), options(RUNS));
  }, TIMEOUT);

  it("spliced JSON never throws", () => {
    fc.assert(fc.property(splice(labJson), (text) => expectUsable(text)), options(RUNS));
  }, TIMEOUT);

  it("bytes: re-encoded, truncated, with BOMs or stray bytes, never throw", () => {
    const encodings = fc.constantFrom("utf8", "utf16le", "latin1");
    const prefix = fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xff, 0xfe, 0, 0], [0x80], [0]);
    fc.assert(
      fc.property(splice(labYaml), encodings, prefix, fc.nat(64), fc.boolean(), (text, encoding, head, cut, swap) => {
        let bytes = Buffer.concat([Buffer.from(head), Buffer.from(text, encoding as BufferEncoding)]);
        if (swap && bytes.length % 2 === 0) bytes = Buffer.from(bytes).swap16();
        expectUsable(bytes.subarray(0, Math.max(0, bytes.length - cut)));
      }),
      options(RUNS),
    );
  }, TIMEOUT);

  it("the fast reading gives the reference parser's data, errors and duplicate keys", () => {
    // The same verdicts as before the fast path: read by the `yaml` package alone, as the loader
    // used to. js-yaml still accepts a rare few malformed texts that the `yaml` package refuses
    // (about 1 in 30,000 spliced documents, see the README's "Reliability"): none at npm test's
    // count and seed, at most 1 in 10,000 at any larger count.
    const runs = Math.max(RUNS, 2_000);
    let differences = 0;
    fc.assert(
      // A lone CR is refused now (it used to give a misleading YAML error, or a different document).
      fc.property(splice(labYaml).filter((text) => !/\r(?!\n)/.test(text)), (text) => {
        const got = readTopologyText(text);
        const ref = referenceYaml(text);
        let data: unknown;
        let refError = ref.error !== undefined;
        if (!refError) {
          try {
            data = ref.doc.toJS({ maxAliasCount: -1 });
          } catch {
            refError = true;
          }
        }
        const same =
          (got.error !== undefined) === refError &&
          (refError || isDeepStrictEqual(got.data, data)) &&
          (got.duplicateKeys !== undefined) === (!refError && ref.duplicateKeyOffsets.length > 0);
        if (!same && process.env.FUZZ_SHOW) console.log(JSON.stringify(text), got.error?.reason, ref.error?.message);
        if (!same) differences++;
      }),
      { numRuns: runs, seed: SEED ?? 20261202 },
    );
    if (runs <= 2_000) expect(differences).toBe(0);
    else expect(differences).toBeLessThanOrEqual(runs / 10_000);
  }, TIMEOUT);
});

describe("positions of JSON", () => {
  it("are those the YAML parser gives, for every path, however the JSON is indented", () => {
    const key = fc.string({ maxLength: 4 });
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small" }, fc.integer(), fc.string({ maxLength: 5 }), fc.boolean(), fc.constant(null), fc.array(tie("value"), { maxLength: 4 }), fc.dictionary(key, tie("value"), { maxKeys: 4 })),
    })).value;
    fc.assert(
      fc.property(json, fc.constantFrom(0, 1, 2, "\t"), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const mine = jsonPositions(text);
        const theirs = yamlPositions(referenceYaml(text));
        const paths: (string | number)[][] = [];
        const walk = (v: unknown, path: (string | number)[]) => {
          paths.push(path);
          if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
          else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
        };
        walk(value, []);
        for (const path of paths) {
          expect(mine(path)).toEqual(theirs(path));
          if (path.length > 0 && typeof path[path.length - 1] === "string") {
            const parent = path.slice(0, -1);
            const last = path[path.length - 1] as string;
            expect(mine(parent, last)).toEqual(theirs(parent, last));
          }
        }
        expect(mine(["no such field"])).toEqual(theirs(["no such field"]));
      }),
      { numRuns: Math.min(RUNS, 1_000) },
    );
  });
});
