// A program as a user writes it, for the registration tests: the document comes from the
// environment so that one program runs every variant (test/pulumi/registration.test.ts).
import { Hierarchy } from "pulumi-configmgr";

const doc = JSON.parse(process.env.CONFIGMGR_TEST_TOPOLOGY ?? "null");
const h = new Hierarchy(process.env.CONFIGMGR_TEST_NAME ?? "t", { topology: doc });

export const distributionPoints = Object.keys(h.distributionPoints);
export const boundaryGroups = Object.keys(h.boundaryGroups);
