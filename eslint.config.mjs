import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Next.js's own lint rules (core-web-vitals: React, hooks, accessibility, Next; typescript: typescript-eslint).
const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ['.next/**', 'node_modules/**', 'e2e/.artifacts/**', '.cluster/**', 'cluster/build/**', 'next-env.d.ts'] },
];

export default config;
