// A program as a user writes it, for the registration tests (test/pulumi/registration.test.ts):
// the documents come from the environment, one Hierarchy per entry, so that one process runs
// every variant of a document (each under its own name).
import * as pulumi from "@pulumi/pulumi";
import { Hierarchy } from "pulumi-configmgr";

const docs: Record<string, object> = JSON.parse(process.env.CONFIGMGR_TEST_TOPOLOGIES ?? "{}");
// A PXE password made in the program (as if read from a file), not taken from stack config.
const ownPxe = process.env.CONFIGMGR_TEST_PROGRAM_PXE;
const secrets = ownPxe === undefined ? undefined : { pxePassword: pulumi.secret(ownPxe) };
const built = Object.entries(docs).map(([name, topology]) => new Hierarchy(name, { topology, ...(secrets ? { secrets } : {}) }));

export const distributionPoints = built.map((h) => Object.keys(h.distributionPoints));
