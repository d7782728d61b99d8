import type { CodegenConfig } from "@graphql-codegen/cli";

// Types and typed documents from the server's schema (../schema.graphql) and the operations
// in src/graphql/*.graphql. `documentMode: "string"` makes every document a plain string
// (no `graphql` runtime in the bundle). `npm run codegen:check` fails if the output is stale.
const config: CodegenConfig = {
  schema: "../schema.graphql",
  documents: ["src/graphql/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    "src/graphql/generated/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: "string",
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: "string" },
        skipTypename: true,
      },
    },
  },
};
export default config;
