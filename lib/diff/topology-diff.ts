import { capacityReport, type CapacityReport, type Usage } from "../report/capacity";
import type { Diagnostic, Summary } from "../rules/types";
import type { TopologyModel } from "../topology/model";
import { hierarchyChanges, objectChanges, type FieldChange, type ObjectChange } from "./objects";
import { stepRuns, type StepAction, type StepKind } from "./steps";

/** One figure of the capacity plan that moves: `site P01 standard DPs 10 → 11 (of 250)`. */
export interface CapacityMove {
  readonly object: string;
  readonly figure: string;
  readonly before?: number;
  readonly after?: number;
  readonly limit: number;
  /** Over the limit after the change (and not before): the figure crosses it. */
  readonly crosses: boolean;
}

export interface DiagnosticChange {
  readonly change: "appears" | "disappears";
  readonly rule: string;
  readonly severity: Diagnostic["severity"];
  readonly waived: boolean;
  readonly object: string;
  readonly message: string;
}

export interface StepChange {
  readonly action: StepAction;
  readonly name: string;
  readonly kind: StepKind;
  readonly object: string;
  readonly host: string;
}

export interface TopologyDiff {
  readonly base: string;
  readonly head: string;
  readonly hierarchy: readonly FieldChange[];
  readonly objects: readonly ObjectChange[];
  readonly steps: readonly StepChange[];
  readonly capacity: readonly CapacityMove[];
  readonly diagnostics: readonly DiagnosticChange[];
  readonly summary: { readonly base: Summary; readonly head: Summary };
  /** Why there is no object diff (a side does not have the format's shape). */
  readonly incomplete?: string;
}

export interface DiffSide {
  readonly name: string;
  readonly model?: TopologyModel;
  readonly diagnostics: readonly Diagnostic[];
  readonly summary: Summary;
}

type Figures = Map<string, { object: string; figure: string; usage: Usage }>;

function figures(report: CapacityReport): Figures {
  const out: Figures = new Map();
  const put = (object: string, figure: string, usage: Usage | undefined) => {
    if (usage) out.set(`${object}|${figure}`, { object, figure, usage });
  };
  put("hierarchy", "clients of the primaries", report.hierarchy.clients);
  put("hierarchy", "primary sites under the CAS", report.hierarchy.primariesUnderCas);
  for (const s of report.sites) {
    put(s.ref, "standard DPs", s.standardDps);
    put(s.ref, "pull DPs", s.pullDps);
    put(s.ref, "DPs in the primary's tree", s.treeDps);
    put(s.ref, "secondary sites", s.secondaries);
    put(s.ref, "clients", s.clients);
  }
  for (const d of report.distributionPoints) {
    put(d.ref, "clients", d.clients);
    put(d.ref, "client-OS connections", d.clientOsConnections);
    put(d.ref, "clients (secondary's hardware)", d.secondaryHardware);
    put(d.ref, "packages + applications", d.content);
  }
  return out;
}

export function capacityMoves(base: TopologyModel, head: TopologyModel): CapacityMove[] {
  const before = figures(capacityReport(base));
  const after = figures(capacityReport(head));
  const out: CapacityMove[] = [];
  for (const k of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(k);
    const a = after.get(k);
    if (b && a && b.usage.used === a.usage.used && b.usage.limit === a.usage.limit) continue;
    const any = (a ?? b)!;
    out.push({
      object: any.object,
      figure: any.figure,
      ...(b ? { before: b.usage.used } : {}),
      ...(a ? { after: a.usage.used } : {}),
      limit: any.usage.limit,
      crosses: (a?.usage.over ?? false) && !(b?.usage.over ?? false),
    });
  }
  return out;
}

const diagKey = (d: Diagnostic) => `${d.rule}|${d.object}|${d.message}|${d.waived}`;

export function diagnosticChanges(base: readonly Diagnostic[], head: readonly Diagnostic[]): DiagnosticChange[] {
  const before = new Set(base.map(diagKey));
  const after = new Set(head.map(diagKey));
  const item = (change: DiagnosticChange["change"], d: Diagnostic): DiagnosticChange => ({
    change,
    rule: d.rule,
    severity: d.severity,
    waived: d.waived,
    object: d.object,
    message: d.message,
  });
  return [
    ...head.filter((d) => !before.has(diagKey(d))).map((d) => item("appears", d)),
    ...base.filter((d) => !after.has(diagKey(d))).map((d) => item("disappears", d)),
  ];
}

/** What a change of the topology does, from the base document to the head document. */
export async function topologyDiff(base: DiffSide, head: DiffSide): Promise<TopologyDiff> {
  const common = {
    base: base.name,
    head: head.name,
    diagnostics: diagnosticChanges(base.diagnostics, head.diagnostics),
    summary: { base: base.summary, head: head.summary },
  };
  if (!base.model || !head.model) {
    const which = [!base.model ? "base" : undefined, !head.model ? "head" : undefined].filter(Boolean).join(" and ");
    return { ...common, hierarchy: [], objects: [], steps: [], capacity: [], incomplete: `the ${which} document does not have the topology format's shape (see its SCHEMA diagnostics)` };
  }
  return {
    ...common,
    hierarchy: hierarchyChanges(base.model, head.model),
    objects: await objectChanges(base.model, head.model),
    steps: stepRuns(base.model, head.model).map(({ step, action }) => ({ action, name: step.name, kind: step.kind, object: step.object, host: step.host })),
    capacity: capacityMoves(base.model, head.model),
  };
}
