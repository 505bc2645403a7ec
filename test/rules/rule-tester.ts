import { describe, expect, it } from "vitest";
import { loadTopologyObject } from "../../lib/topology/load";
import { parseTopology } from "../../lib/topology/parse";
import { runRules } from "../../lib/rules/run";
import type { Diagnostic, Rule } from "../../lib/rules/types";

/** What one expected diagnostic must carry; unspecified fields are not checked. */
export interface Expected {
  object?: string;
  path?: string;
  severity?: "error" | "warning";
  limit?: number;
  actual?: number;
  /** Substrings the message must contain. */
  message?: string | string[];
}

export interface Case {
  name: string;
  doc: unknown;
}

export interface InvalidCase extends Case {
  /** One entry per expected diagnostic of this rule, in order. */
  errors: Expected[];
}

/**
 * Runs one rule over a document (after the schema); throws if the document does not parse.
 * A rule's checkDps must say the same about the DPs whether it gets them all at once or one
 * at a time (run.ts hands them over in slices): every case of every table checks that.
 */
export function runRule(rule: Rule, doc: unknown): Diagnostic[] {
  const parsed = parseTopology(loadTopologyObject(doc));
  if (!parsed.ok) throw new Error(`test document does not parse: ${JSON.stringify(parsed.issues)}`);
  const whole = runRules(parsed.model, [rule], undefined, Infinity);
  if (rule.checkDps) expect(runRules(parsed.model, [rule], undefined, 1), `${rule.id} with the DPs one per slice`).toEqual(whole);
  return whole;
}

/**
 * The ESLint RuleTester style: every valid document yields no diagnostic of the rule, every
 * invalid one exactly the listed ones. Each diagnostic must carry the rule's metadata.
 */
export function ruleTester(rule: Rule, cases: { valid: Case[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        expect(runRule(rule, c.doc)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const found = runRule(rule, c.doc);
        expect(found.map((d) => d.message), "number of diagnostics").toHaveLength(c.errors.length);
        c.errors.forEach((want, i) => {
          const got = found[i];
          expect(got.rule).toBe(rule.id);
          expect(got.source).toMatch(/\S/);
          expect(got.fix).toMatch(/\S/);
          expect(got.path).toMatch(/\S/);
          if (want.object !== undefined) expect(got.object).toBe(want.object);
          if (want.path !== undefined) expect(got.path).toBe(want.path);
          expect(got.severity).toBe(want.severity ?? rule.severity);
          if (want.limit !== undefined) expect(got.limit).toBe(want.limit);
          if (want.actual !== undefined) expect(got.actual).toBe(want.actual);
          for (const part of [want.message ?? []].flat()) expect(got.message).toContain(part);
        });
      });
    }
  });
}
