import * as pulumi from "@pulumi/pulumi";
import type { Summary } from "../rules/types";
import type { TopologyDoc } from "../topology/schema";
import { dynamicProps } from "./component";
import { jsonClean } from "./json";
import { topologyProvider } from "./providers";
import { SCRIPT_BEHAVIOUR } from "./provider-logic";

/**
 * The topology-level dynamic resource of a Hierarchy: its inputs are the whole normalised
 * document, and its check reports every unwaived error of the document at once, one
 * CheckFailure each (the engine stops at the first invalid resource, so this is the one place
 * that lists them all). Everything else the Hierarchy creates depends on it.
 */
export class TopologyCheck extends pulumi.dynamic.Resource {
  declare readonly summary: pulumi.Output<Summary>;
  declare readonly configMgrVersion: pulumi.Output<string>;

  /** `scriptBehaviour`: the behaviour versions of the step scripts (script-behaviour.ts), when the hierarchy provisions. */
  constructor(name: string, doc: TopologyDoc, opts?: pulumi.CustomResourceOptions, scriptBehaviour?: Record<string, number>) {
    const { $schema: _schema, ...rest } = doc;
    const inputs: Record<string, unknown> = jsonClean(rest);
    if (scriptBehaviour !== undefined && Object.keys(scriptBehaviour).length > 0) inputs[SCRIPT_BEHAVIOUR] = scriptBehaviour;
    super(topologyProvider, name, dynamicProps(inputs, ["summary"]), opts, "configmgr", "Topology");
  }
}
