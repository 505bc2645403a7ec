import type { DocPath } from "../topology/load";
import type { DpNode, TopologyModel } from "../topology/model";
import type { VersionRange } from "../topology/version";
import type { SourceKey } from "./sources";

export type Severity = "error" | "warning";

/** What a rule reports about one object. The engine adds the rule's metadata. */
export interface Finding {
  /** `hierarchy`, `site:P01`, `bg:Lab HQ`, `dp:win701.lab.local`. */
  readonly object: string;
  /** Where in the document; the engine formats it and looks up line and column. */
  readonly path: DocPath;
  readonly message: string;
  readonly limit?: number;
  readonly actual?: number;
  /** A fix specific to this finding; the rule's own `fix` otherwise. */
  readonly fix?: string;
  /** For rules whose severity depends on the case (CLIENT-OS-CONNECTIONS). */
  readonly severity?: Severity;
}

export type Report = (finding: Finding) => void;

/** A rule's metadata: what the catalog, the docs table and waivers read. */
export interface RuleMeta {
  readonly id: string;
  /** The rule's severity; a finding may lower an error to a warning, never raise a warning. */
  readonly severity: Severity;
  /** One line: what the rule requires. */
  readonly title: string;
  /** Versions the rule applies to; all versions when absent. */
  readonly versions?: VersionRange;
  /** Skipped when configMgrVersion cannot be read (VERSION-FORMAT reports that). */
  readonly needsVersion?: boolean;
  /** The limit, in words ("≤ 250", "2 cores, 8 GB"). */
  readonly value?: string;
  readonly sources: readonly SourceKey[];
  /** One-line fix. */
  readonly fix: string;
  /** Structural rules cannot be waived (rules.md, WAIVER-INVALID). */
  readonly structural?: boolean;
}

/**
 * A rule is data plus functions (the ESLint model): metadata, and a check over the model, or of
 * the DPs one slice at a time, or both.
 */
export type Rule = RuleMeta & (WholeModelCheck | DpSliceCheck);

interface WholeModelCheck {
  /**
   * What needs the model at once (counts, names written twice, graphs, the sites). It runs once
   * per document: its loops over every DP or group are index loops, since the code V8 compiles
   * for a loop already running allocates an iterator result per for-of step (125,000 of them).
   */
  check(model: TopologyModel, report: Report): void;
  checkDps?(dps: readonly DpNode[], model: TopologyModel, report: Report): void;
}

interface DpSliceCheck {
  check?(model: TopologyModel, report: Report): void;
  /**
   * Checks the given DPs, each on its own (what it reports about a DP depends on that DP and on
   * the model's indexes, never on the other DPs). The engine hands it model.dps in slices, in
   * document order, and runs every rule's checkDps on a slice before the next: the DPs' objects
   * are then read once from memory while they are in the processor's cache, not once per rule.
   * A rule with both runs check first; its findings come first.
   */
  checkDps(dps: readonly DpNode[], model: TopologyModel, report: Report): void;
}

export interface Diagnostic {
  readonly rule: string;
  readonly severity: Severity;
  readonly object: string;
  readonly path: string;
  readonly message: string;
  readonly limit?: number;
  readonly actual?: number;
  /** URL of the Microsoft (or other) source. */
  readonly source: string;
  readonly fix: string;
  readonly waived: boolean;
  readonly waiverReason?: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

export interface Summary {
  /** Errors not waived: any makes validate exit 1 and preview fail. */
  readonly errors: number;
  readonly warnings: number;
  readonly waived: number;
}
