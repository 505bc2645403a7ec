import type { DpNode, TopologyModel } from "../topology/model";
import { n } from "./format";
import type { Rule } from "./types";

/**
 * The pull-source graph restricted to pull DPs: an edge from each pull DP to each of its
 * sources that is a pull DP of the document (a standard DP gets content from the site server,
 * so it ends every chain). Self-references are PULLDP-SOURCES', unknown sources REF-UNKNOWN's.
 * Compressed rows: the edges of DP i are targets[offsets[i] .. offsets[i + 1]).
 */
interface PullGraph {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  /** For each edge, the DP it leaves. */
  readonly tail: Int32Array;
  /** For each edge, the index of the source entry in the DP's pull.sources. */
  readonly entry: Int32Array;
}

function pullGraph(model: TopologyModel): PullGraph {
  const dps = model.dps;
  // Built at the first edge: a hierarchy without pull DPs sourcing from pull DPs needs no index.
  let indexOf: Map<DpNode, number> | undefined;
  const offsets = new Int32Array(dps.length + 1);
  const targets: number[] = [];
  const tail: number[] = [];
  const entry: number[] = [];
  for (let i = 0; i < dps.length; i++) {
    offsets[i] = targets.length;
    const dp = dps[i];
    const sources = dp.doc.pull?.sources;
    if (!sources) continue;
    for (let k = 0; k < sources.length; k++) {
      const server = sources[k].server;
      if (server === dp.server) continue;
      const from = model.dpByServer.get(server);
      if (!from?.pull) continue;
      if (!indexOf) {
        indexOf = new Map();
        for (let j = 0; j < dps.length; j++) indexOf.set(dps[j], j);
      }
      targets.push(indexOf.get(from)!);
      tail.push(i);
      entry.push(k);
    }
  }
  offsets[dps.length] = targets.length;
  return { offsets, targets: Int32Array.from(targets), tail: Int32Array.from(tail), entry: Int32Array.from(entry) };
}

/**
 * Tarjan's strongly connected components, iteratively (an explicit call stack: pull chains can be
 * 100,000 DPs long). Returns, per node, its component id, and the components with more than one node.
 */
function loops(graph: PullGraph, count: number): { component: Int32Array; multi: number[][] } {
  const { offsets, targets } = graph;
  const order = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const component = new Int32Array(count).fill(-1);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const callNode: number[] = [];
  const callEdge: number[] = [];
  const multi: number[][] = [];
  let counter = 0;
  let components = 0;

  const enter = (v: number) => {
    order[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = 1;
    callNode.push(v);
    callEdge.push(offsets[v]);
  };

  for (let root = 0; root < count; root++) {
    if (order[root] !== -1 || offsets[root] === offsets[root + 1]) continue;
    enter(root);
    while (callNode.length > 0) {
      const top = callNode.length - 1;
      const v = callNode[top];
      const e = callEdge[top];
      if (e < offsets[v + 1]) {
        callEdge[top] = e + 1;
        const w = targets[e];
        if (order[w] === -1) enter(w);
        else if (onStack[w]) low[v] = Math.min(low[v], order[w]);
        continue;
      }
      callNode.pop();
      callEdge.pop();
      if (callNode.length > 0) {
        const parent = callNode[callNode.length - 1];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] !== order[v]) continue;
      const members: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = 0;
        component[w] = components;
        members.push(w);
      } while (w !== v);
      components++;
      if (members.length > 1) multi.push(members);
    }
  }
  return { component, multi };
}

/** A shortest cycle through `start` inside its component (breadth-first), as the edges taken. */
function cycleThrough(graph: PullGraph, component: Int32Array, start: number, parentEdge: Int32Array): number[] {
  const { offsets, targets } = graph;
  const c = component[start];
  const queue = [start];
  parentEdge[start] = -2;
  const visited: number[] = [start];
  let closing = -1;
  for (let head = 0; head < queue.length && closing < 0; head++) {
    const v = queue[head];
    for (let e = offsets[v]; e < offsets[v + 1]; e++) {
      const w = targets[e];
      if (component[w] !== c) continue;
      if (w === start) {
        closing = e;
        break;
      }
      if (parentEdge[w] !== -1) continue;
      parentEdge[w] = e;
      visited.push(w);
      queue.push(w);
    }
  }
  // Walk back from the closing edge to start through the edge that reached each node.
  const edges = [closing];
  for (let node = graph.tail[closing]; node !== start; node = graph.tail[parentEdge[node]]) edges.push(parentEdge[node]);
  for (const v of visited) parentEdge[v] = -1;
  return edges.reverse();
}

/** `a → b → c → a`; a long loop shows its first and last DPs around the count left out. */
function describeLoop(servers: string[]): string {
  if (servers.length <= 12) return servers.join(" → ");
  const left = servers.length - 9;
  return [...servers.slice(0, 6), `… ${n(left)} more …`, ...servers.slice(-3)].join(" → ");
}

const rule: Rule = {
  id: "PULLDP-CYCLE",
  severity: "error",
  title: "Pull sources form no loop in which every DP is a pull DP (content would never arrive).",
  sources: ["S-PULL"],
  fix: "Break the loop: give one DP of the loop a standard DP (one without a pull block) as its source instead of a DP of the loop.",
  check(model, report) {
    const count = model.dps.length;
    const graph = pullGraph(model);
    if (graph.targets.length === 0) return;
    const { component, multi } = loops(graph, count);
    const parentEdge = new Int32Array(count).fill(-1);
    const found = multi.map((members) => ({ first: members.reduce((a, b) => Math.min(a, b)), size: members.length }));
    found.sort((a, b) => a.first - b.first);
    for (const { first, size } of found) {
      const edges = cycleThrough(graph, component, first, parentEdge);
      const servers = [model.dps[first].server, ...edges.map((e) => model.dps[graph.targets[e]].server)];
      const dp = model.dps[first];
      const more = size > edges.length ? ` (${size} pull DPs in all depend on each other through their sources)` : "";
      report({
        object: dp.ref,
        path: [...dp.path, "pull", "sources", graph.entry[edges[0]]],
        message:
          `pulls content in a loop of pull distribution points: ${describeLoop(servers)}${more}; ` +
          "no DP of the loop is a standard DP, so content that travels along it never arrives",
      });
    }
  },
};
export default rule;
