// `pulumi preview` of this program fails on purpose: the Topology resource lists every violation
// of topology.yaml at once (one CheckFailure per unwaived error), and nothing is created.
import * as path from "path";
import { Hierarchy } from "pulumi-configmgr";

const limits = new Hierarchy("limits", { topology: path.join(__dirname, "topology.yaml") });

export const summary = limits.summary;
