/** The part of js-yaml 4 the loader uses (the package ships no types; @types/js-yaml would be a dependency for five names). */
declare module "js-yaml" {
  export class Type {
    constructor(tag: string, options: { kind: "scalar" | "sequence" | "mapping"; resolve?: (data: string | null) => boolean; construct?: (data: string | null) => unknown });
  }
  export class Schema {
    constructor(definition: { implicit?: Type[]; explicit?: Type[] });
    extend(definition: { implicit?: Type[]; explicit?: Type[] }): Schema;
  }
  export const FAILSAFE_SCHEMA: Schema;
  export const types: { merge: Type };
  export class YAMLException extends Error {
    reason: string;
    mark?: { position: number; line: number; column: number };
  }
  export function load(text: string, options?: { schema?: Schema; json?: boolean; maxDepth?: number; maxTotalMergeKeys?: number; filename?: string }): unknown;
}
