/**
 * The dynamic provider of the PrimarySite resources: this module's exports are the provider object
 * (see ../providers.ts for why). Each method requires the real logic by package name at call time.
 */
type Props = Record<string, any>;

export const check = (olds: Props, news: Props) => require("pulumi-configmgr/dist/pulumi/provider-logic").check("primarySite", olds, news);
export const diff = (id: string, olds: Props, news: Props) => require("pulumi-configmgr/dist/pulumi/provider-logic").diff("primarySite", id, olds, news);
export const create = (inputs: Props) => require("pulumi-configmgr/dist/pulumi/provider-logic").create("primarySite", inputs);
export const read = (id: string, props: Props) => require("pulumi-configmgr/dist/pulumi/provider-logic").read("primarySite", id, props);
export const update = (id: string, olds: Props, news: Props) => require("pulumi-configmgr/dist/pulumi/provider-logic").update("primarySite", id, olds, news);
const remove = (id: string, props: Props) => require("pulumi-configmgr/dist/pulumi/provider-logic").remove("primarySite", id, props);
export { remove as delete };
