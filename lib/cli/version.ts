// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require("../../package.json") as { version: string };

/** The package's version: what --version, SARIF's tool and the report's footer say. */
export const TOOL_VERSION: string = pkg.version;
