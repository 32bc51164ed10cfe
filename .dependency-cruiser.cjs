/**
 * The project's dependency rules (DESIGN.md): apps import packages, never another app; packages never import apps;
 * no cycles; packages/shared imports nothing of ours. `npm test` runs it (scripts/check-dependencies.sh) before any
 * test, and a test (apps/runner/src/dependency-rules.test.ts) shows that each rule catches a forbidden import.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-app-imports-app',
      comment: 'An app is a front door over the packages; what two apps share belongs in a package.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-package-imports-app',
      comment: 'Packages are the engine; apps depend on them, never the other way round.',
      severity: 'error',
      from: { path: '^(packages|migrations)/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-app-package-name',
      comment: 'Importing an app by its package name (resolved or not) is the same mistake as importing its files.',
      severity: 'error',
      from: {},
      to: { path: '^@ferbench/(api|runner|web)($|/)' },
    },
    {
      name: 'shared-imports-nothing-of-ours',
      comment: 'packages/shared is pure TypeScript at the bottom of the graph (its tests may read fixtures through testkit).',
      severity: 'error',
      from: { path: '^packages/shared/src/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(packages|apps|migrations)/|^@ferbench/', pathNot: '^packages/shared/' },
    },
    {
      name: 'no-circular',
      comment: 'A module that reaches itself through its imports (type-only links, erased at compile time, excepted).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-package-cycle',
      comment: 'Packages form a layered graph: no package reaches itself through other packages.',
      severity: 'error',
      scope: 'folder',
      // Folder scope: each package's src/ folder stands for the whole package (its subfolders' imports included).
      from: { path: '^(packages/[^/]+|migrations)/src$' },
      to: { path: '^(packages/[^/]+|migrations)/src$', circular: true },
    },
    {
      name: 'no-unresolved-workspace-import',
      comment: 'An @ferbench/… import that is no package of this workspace.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, path: '^@ferbench/' },
    },
  ],
  options: {
    includeOnly: '^(packages|apps|migrations)/|^@ferbench/',
    exclude: { path: '(^|/)(node_modules|dist|e2e-dist|\\.next)/' },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
