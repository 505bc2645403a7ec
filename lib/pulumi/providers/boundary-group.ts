/**
 * The dynamic provider of the BoundaryGroup resources: this module's exports are the provider object
 * (see ../providers.ts for why). Each method requires the real logic by package name at call time.
 */
type Props = Record<string, any>;

export const check = (olds: Props, news: Props) => require("pulumi-configmgr/dist/pulumi/provider-logic").check("boundaryGroup", olds, news);
export const diff = (id: string, olds: Props, news: Props) => require("pulumi-configmgr/dist/pulumi/provider-logic").diff("boundaryGroup", id, olds, news);
export const create = (inputs: Props) => require("pulumi-configmgr/dist/pulumi/provider-logic").create("boundaryGroup", inputs);
export const read = (id: string, props: Props) => require("pulumi-configmgr/dist/pulumi/provider-logic").read("boundaryGroup", id, props);
export const update = (id: string, olds: Props, news: Props) => require("pulumi-configmgr/dist/pulumi/provider-logic").update("boundaryGroup", id, olds, news);
const remove = (id: string, props: Props) => require("pulumi-configmgr/dist/pulumi/provider-logic").remove("boundaryGroup", id, props);
export { remove as delete };
