import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateDocument } from "../../lib/rules/engine";
import { readTopologyText } from "../../lib/topology/load";
import { labDoc } from "../fixtures/lab";

/**
 * For JSON, `validate` learns whether JSON.parse dropped a key written twice from the keys the
 * shape check counted on its way (engine.ts, parse.ts). Whatever path the shape check takes —
 * accepted, refused part-way after writing defaults, or the data copied for a waiver without
 * reason — keys written twice are reported, alone, and a document without any gets no such error.
 */
const twoDps = () => {
  const doc = labDoc();
  const second = { ...doc.distributionPoints[0], server: "win702.lab.local" };
  doc.distributionPoints.push(second);
  return doc;
};
const text = (doc: unknown) => JSON.stringify(doc, null, 2);
/** The first DP's description written `times` more times before its own (each an extra key JSON.parse drops). */
const describedAgain = (json: string, times: number) =>
  json.replace('"description": "Lab DP"', `${'"description": "again", '.repeat(times)}"description": "Lab DP"`);

const modes = [
  ["handed over", { consume: true }],
  ["copied", { consume: false }],
] as const;

const run = (json: string, options: { consume: boolean }) => validateDocument(readTopologyText(json, "t.json"), undefined, options);
const duplicateErrors = (r: ReturnType<typeof run>) => r.diagnostics.filter((d) => d.rule === "SCHEMA" && /written twice/.test(d.message));

describe.each(modes)("JSON keys written twice, data %s", (_, options) => {
  it("a well-formed document has none, and the same verdict as the object it is", () => {
    const r = run(text(twoDps()), options);
    expect(duplicateErrors(r)).toEqual([]);
    expect(r.summary).toEqual(validateDocument(readTopologyText(JSON.stringify(twoDps()), "t.json")).summary);
  });

  it("a key written twice in a well-formed document is the one error, at its line", () => {
    const json = describedAgain(text(twoDps()), 1);
    const r = run(json, options);
    const line = json.split("\n").findIndex((l) => l.includes('"again"')) + 1;
    expect(r.diagnostics).toEqual([expect.objectContaining({ rule: "SCHEMA", file: "t.json", line, message: expect.stringMatching(/written twice/) })]);
  });

  it("keys written twice before a later shape error are reported, alone, however many defaults were written first", () => {
    // The second DP has an unknown field: the compiled check writes the first DP's defaults, then refuses.
    const doc = twoDps();
    (doc.distributionPoints[1] as Record<string, unknown>).descripton = "typo";
    for (let times = 0; times <= 8; times++) {
      const r = run(describedAgain(text(doc), times), options);
      if (times === 0) {
        expect(duplicateErrors(r)).toEqual([]);
        expect(r.diagnostics).toEqual([expect.objectContaining({ rule: "SCHEMA", message: expect.stringContaining("unknown field") })]);
      } else {
        expect(r.diagnostics.length, `${times} more`).toBeGreaterThan(0);
        expect(duplicateErrors(r), `${times} more`).toEqual(r.diagnostics);
      }
    }
  });

  it("a waiver without a reason (read from a copy) does not hide a key written twice", () => {
    const doc = { ...twoDps(), waivers: [{ rule: "DP-CLIENTS-MAX", object: "dp:win701.lab.local" }] };
    expect(duplicateErrors(run(text(doc), options))).toEqual([]);
    expect(duplicateErrors(run(describedAgain(text(doc), 1), options))).toHaveLength(1);
  });

  it("colons inside strings are no duplicate, on the compiled path and on zod's", () => {
    const doc = twoDps();
    doc.distributionPoints[0].description = 'a": b ": c';
    expect(run(text(doc), options).diagnostics.filter((d) => d.rule === "SCHEMA")).toEqual([]);
    (doc.distributionPoints[1] as Record<string, unknown>).descripton = "typo";
    expect(run(text(doc), options).diagnostics).toEqual([expect.objectContaining({ rule: "SCHEMA", message: expect.stringContaining("unknown field") })]);
  });
});

/**
 * Handed over, validate reads only the schema's fields of JSON text and proves from the count of
 * the text's key colons that no other key was written (parse.ts): a key that is no field, in any
 * object, must still get the verdict it gets when the data is copied and every key is walked.
 */
describe("JSON keys that are no field, data handed over", () => {
  /** The text with `"key": value` written first into its a-th object (counted by opening braces). */
  const withKey = (json: string, a: number, key: string, value: string) => {
    const braces = [...json.matchAll(/\{/g)].map((m) => m.index);
    const at = braces[a % braces.length] + 1;
    const empty = /^\s*\}/.test(json.slice(at));
    return `${json.slice(0, at)}${JSON.stringify(key)}: ${value}${empty ? "" : ","}${json.slice(at)}`;
  };

  it("get the verdict they get when the data is copied, wherever they are", () => {
    const json = text(twoDps());
    fc.assert(
      fc.property(
        fc.nat(),
        fc.constantFrom("descripton", "__proto__", "Server", "x", "constructor", "server"),
        fc.constantFrom('"v"', "1", "null", "{}", "[]"),
        (a, key, value) => {
          const edited = withKey(json, a, key, value);
          const handedOver = run(edited, { consume: true });
          expect(handedOver.diagnostics).toStrictEqual(run(edited, { consume: false }).diagnostics);
          if (key !== "server") expect(handedOver.summary.errors).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
