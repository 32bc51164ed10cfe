import path from 'node:path';
import type { NextConfig } from 'next';

// The monorepo root, so Next traces and bundles workspace packages (@ferbench/shared) from the right place.
const root = path.join(__dirname, '..', '..');

export const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  outputFileTracingRoot: root,
  turbopack: { root },
  experimental: {
    // Rendered results pages (ISR, see src/graphql/rendered-on-visit.ts) are kept in this process's memory only:
    // written to .next on disk they would be served by every later `next start` of the same build, whatever API
    // and database it reads (a restart, another test, a second instance), until their first re-render.
    isrFlushToDisk: false,
  },
};

// Next reads its configuration from the default export.
export default config;
