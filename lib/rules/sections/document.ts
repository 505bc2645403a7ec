import hostName from "../host-name";
import nameUnique from "../name-unique";
import refUnknown from "../ref-unknown";
import serverOneSite from "../server-one-site";
import sitecodeFormat from "../sitecode-format";
import sitecodeReserved from "../sitecode-reserved";
import sitecodeUnique from "../sitecode-unique";
import type { Rule } from "../types";
import versionFormat from "../version-format";

/** rules.md "Document and identity", in its order (SCHEMA runs before the rules, in the engine). */
export const DOCUMENT_RULES: readonly Rule[] = [
  versionFormat,
  hostName,
  sitecodeFormat,
  sitecodeReserved,
  sitecodeUnique,
  nameUnique,
  refUnknown,
  serverOneSite,
];
