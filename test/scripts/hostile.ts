import fc from "fast-check";
import { topologySchema } from "../../lib/topology/schema";

/** Names the schema accepts, built to break out of a PowerShell literal if quoting were wrong (the quoting property test and the executed transport test share them). */
const nameSchema = topologySchema.shape.domain;
export const accepted = (s: string) => nameSchema.safeParse(s).success;

export const NASTY = ["'", "\u2019", "\u2018", "\u201a", "\u201b", "''", "$", "$(whoami)", "${env:PATH}", "`", "`n", ";", '"', "#", "<#", "#>", "@'", "'@", "|", "&", "{", "}", "(", ")", "\\", ".", " ", "é", "日本", "🙂", "exit 1", "; Remove-Item C:\\ -Recurse;"];
export const nameArb = fc
  .oneof(
    fc.string({ unit: "binary", minLength: 1, maxLength: 64 }),
    fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: "grapheme", maxLength: 4 })), { minLength: 1, maxLength: 24 }).map((parts) => parts.join("")),
    fc.string({ unit: "grapheme-ascii", minLength: 900, maxLength: 1024 }),
  )
  .filter(accepted);

