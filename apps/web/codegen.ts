import type { CodegenConfig } from '@graphql-codegen/cli';

// Types come from the API's committed schema file, never from a running server: codegen works offline and
// the generated code changes only when the contract does.
export const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, avoidOptionals: true, scalars: { ID: 'string' } },
    },
  },
};

// graphql-codegen reads its configuration from the default export.
export default config;
