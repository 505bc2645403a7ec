import { Document, isMap, isScalar, isSeq, type Node, type Pair } from "yaml";
import type { ExportedTopology, Path } from "./to-topology";

/** Small objects written on one line, as people write them (hardware: { cores: 2, memoryGB: 8 }). */
const FLOW_KEYS = new Set(["hardware", "proxy", "addressRange", "udpPorts"]);
const FLOW_ITEMS_OF = new Set(["disks", "sources"]);

/**
 * The exported document as YAML: the schema line, a header saying where it came from, the fields
 * in the document's order, and each comment above the field it is about.
 */
export function emitTopologyYaml(exported: ExportedTopology, header: readonly string[], schemaPath: string): string {
  const doc = new Document(exported.document);
  markFlow(doc.contents as Node);
  const byPath = new Map<string, string[]>();
  for (const c of exported.comments) {
    const key = JSON.stringify(c.path);
    byPath.set(key, [...(byPath.get(key) ?? []), c.text]);
  }
  for (const [key, texts] of byPath) {
    const path = JSON.parse(key) as Path;
    const target = keyNode(doc, path);
    if (target) target.commentBefore = [target.commentBefore, ...texts.map((t) => ` ${t}`)].filter(Boolean).join("\n");
  }
  doc.commentBefore = [` yaml-language-server: $schema=${schemaPath}`, "", ...header.map((h) => ` ${h}`)].join("\n");
  return doc.toString({ lineWidth: 0 });
}

/** The node to hang a comment on: the key of a map entry, or a sequence item. */
function keyNode(doc: Document, path: Path): { commentBefore?: string | null } | undefined {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  const last = path[path.length - 1];
  if (isMap(parent)) {
    const index = parent.items.findIndex((p) => (isScalar(p.key) ? p.key.value : p.key) === last);
    const pair = parent.items[index] as Pair<Node> | undefined;
    // A comment on the first key of a list item goes above the item's dash, where people put it.
    if (index === 0 && path.length > 1 && typeof path[path.length - 2] === "number") return parent;
    return pair && isScalar(pair.key) ? pair.key : undefined;
  }
  if (isSeq(parent) && typeof last === "number") return parent.items[last] as Node | undefined;
  return undefined;
}

function markFlow(node: Node | null | undefined, key?: unknown): void {
  if (isMap(node)) {
    if (typeof key === "string" && FLOW_KEYS.has(key)) node.flow = true;
    for (const pair of node.items) markFlow(pair.value as Node, isScalar(pair.key) ? pair.key.value : pair.key);
  } else if (isSeq(node)) {
    for (const item of node.items) {
      if (typeof key === "string" && FLOW_ITEMS_OF.has(key) && isMap(item)) item.flow = true;
      else markFlow(item as Node);
    }
    if (key === "boundaryGroups" && node.items.every(isScalar)) node.flow = true;
  }
}
