// The seed's lab as a Pulumi program: `npm run preview` at the project root runs it (Pulumi.yaml).
// Connections come from the stack config (Pulumi.lab.yaml), secrets from `pulumi config set --secret`.
import * as path from "path";
import { Hierarchy } from "pulumi-configmgr";

const lab = new Hierarchy("lab", { topology: path.join(__dirname, "topology.yaml") });

export const distributionPoints = Object.keys(lab.distributionPoints);
export const boundaryGroups = Object.keys(lab.boundaryGroups);
export const summary = lab.summary;
