/**
 * The dynamic provider of the SecondarySite resources: this module's exports are the provider object
 * (see ../providers.ts for why). Each method requires the real logic by package name at call time.
 */
type Props = Record<string, any>;

export const check = (olds: Props, news: Props) => require("pulumi-configmgr/dist/pulumi/provider-logic").check("secondarySite", olds, news);
export const diff = (id: string, olds: Props, news: Props) => require("pulumi-configmgr/dist/pulumi/provider-logic").diff("secondarySite", id, olds, news);
export const create = (inputs: Props) => require("pulumi-configmgr/dist/pulumi/provider-logic").create("secondarySite", inputs);
export const read = (id: string, props: Props) => require("pulumi-configmgr/dist/pulumi/provider-logic").read("secondarySite", id, props);
export const update = (id: string, olds: Props, news: Props) => require("pulumi-configmgr/dist/pulumi/provider-logic").update("secondarySite", id, olds, news);
const remove = (id: string, props: Props) => require("pulumi-configmgr/dist/pulumi/provider-logic").remove("secondarySite", id, props);
export { remove as delete };
