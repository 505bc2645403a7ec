/**
 * A real PowerShell grammar (tree-sitter-powershell) for checking generated scripts.
 * The grammar's node binding is an ES module with top-level await, so it is imported, not required.
 */
import type Parser from "tree-sitter";

export type SyntaxNode = Parser.SyntaxNode;

let parser: Parser | undefined;

export async function powershellParser(): Promise<Parser> {
  if (parser) return parser;
  const { default: TreeSitter } = await import("tree-sitter");
  const { default: PowerShell } = await import("tree-sitter-powershell");
  const p = new TreeSitter();
  p.setLanguage(PowerShell as never);
  parser = p;
  return p;
}

/** Every ERROR or MISSING node of a script, as "line:col type text". Empty means it parses cleanly. */
export async function syntaxProblems(script: string): Promise<string[]> {
  const tree = (await powershellParser()).parse(script, undefined, { bufferSize: Math.max(32 * 1024, script.length * 4) });
  const problems: string[] = [];
  const walk = (node: SyntaxNode) => {
    if (node.type === "ERROR" || node.isMissing) {
      problems.push(`${node.startPosition.row + 1}:${node.startPosition.column + 1} ${node.isMissing ? "MISSING" : "ERROR"} ${node.text.slice(0, 60)}`);
    }
    for (const child of node.children) walk(child);
  };
  walk(tree.rootNode);
  return problems;
}

export async function parseTree(script: string): Promise<SyntaxNode> {
  return (await powershellParser()).parse(script, undefined, { bufferSize: Math.max(32 * 1024, script.length * 4) }).rootNode;
}
