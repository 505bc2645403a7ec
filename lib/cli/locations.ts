import { isAbsolute, relative, sep } from "node:path";
import { STDIN_NAME } from "./io";

/**
 * A file as CI systems want it: relative to the working directory (the repository root in a
 * workflow) with forward slashes; an absolute path outside it stays absolute. Standard input
 * has no file: undefined.
 */
export function repoRelative(file: string | undefined, cwd: string = process.cwd()): string | undefined {
  if (file === undefined || file === STDIN_NAME || file === "-") return undefined;
  const rel = isAbsolute(file) ? relative(cwd, file) : file;
  const inside = rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
  return (inside ? rel : file).split(sep).join("/");
}
