import path from 'node:path';
import type { NextConfig } from 'next';

// The monorepo root, so Next traces and bundles workspace packages (@ferbench/shared) from the right place.
const root = path.join(__dirname, '..', '..');

export const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  outputFileTracingRoot: root,
  turbopack: { root },
};

// Next reads its configuration from the default export.
export default config;
