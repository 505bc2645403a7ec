// A current-branch estate from a CSV of branch offices. The CSV is the source of truth; the
// topology is derived from it at every run (topology.yaml is the same thing, committed for review
// and for `pulumi-configmgr validate`).
import { readFileSync } from "fs";
import * as path from "path";
import { Hierarchy } from "pulumi-configmgr";
import { topologyFromCsv } from "./topology-from-csv";

const csv = readFileSync(path.join(__dirname, "offices.csv"), "utf8");
const estate = new Hierarchy("branch-offices", { topology: topologyFromCsv(csv) });

export const distributionPoints = Object.keys(estate.distributionPoints);
export const summary = estate.summary;
