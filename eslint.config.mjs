import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Next.js's own lint rules (core-web-vitals: React, hooks, accessibility, Next; typescript: typescript-eslint).
const config = [
  ...nextVitals,
  ...nextTs,
  // Playwright fixtures receive a function named `use`; it is not React's use().
  { files: ['e2e/**/*.ts'], rules: { 'react-hooks/rules-of-hooks': 'off' } },
  // `const { status: _status, ...rest } = obj` drops a field: the named sibling is meant to be unused.
  { rules: { '@typescript-eslint/no-unused-vars': ['warn', { ignoreRestSiblings: true, varsIgnorePattern: '^_', argsIgnorePattern: '^_' }] } },
  { ignores: ['.next/**', 'node_modules/**', 'e2e/.artifacts/**', '.cluster/**', 'cluster/build/**', 'next-env.d.ts'] },
];

export default config;
