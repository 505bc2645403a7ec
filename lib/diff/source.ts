import { spawnSync } from "node:child_process";
import { readTopologyText, TopologyLoadError, type LoadedDocument } from "../topology/load";

/** `git:<rev>:<path>`: the document as committed at a revision (the path relative to the working directory). */
export interface GitSource {
  readonly rev: string;
  readonly path: string;
}

export function parseGitSource(spec: string): GitSource | undefined {
  if (!spec.startsWith("git:")) return undefined;
  const rest = spec.slice(4);
  const sep = rest.indexOf(":");
  if (sep <= 0 || sep === rest.length - 1) return undefined;
  return { rev: rest.slice(0, sep), path: rest.slice(sep + 1) };
}

const failed = (file: string, reason: string): LoadedDocument => ({
  data: undefined,
  file,
  positionOf: () => undefined,
  error: new TopologyLoadError(reason, file),
});

/**
 * Reads `git:<rev>:<path>` with `git show` (no shell). Errors in the words of the spec: a
 * revision or a path git does not know, no git, not a repository.
 */
export function readGitDocument(spec: string, cwd: string = process.cwd()): LoadedDocument {
  const source = parseGitSource(spec);
  if (!source) return failed(spec, "write a git source as git:<rev>:<path>, e.g. git:origin/main:topology.yaml");
  const { rev, path } = source;
  const relative = path.startsWith("/") || path.startsWith("./") || path.startsWith("../") ? path : `./${path}`;
  if (rev.startsWith("-")) return failed(spec, `"${rev}" is not a revision`);
  const result = spawnSync("git", ["show", `${rev}:${relative}`], { cwd, encoding: "utf8", maxBuffer: 1 << 30 });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    return failed(spec, code === "ENOENT" ? "git is not installed (needed for git:<rev>:<path>)" : `cannot run git (${code ?? result.error.message})`);
  }
  if (result.status !== 0) {
    const why = (result.stderr || "").split("\n").find((l) => l.trim() !== "")?.replace(/^fatal: /, "") ?? `git show exited ${result.status}`;
    return failed(spec, `git cannot show ${path} at ${rev}: ${why}`);
  }
  return readTopologyText(result.stdout, spec);
}
