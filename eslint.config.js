// Flat ESLint config: typescript-eslint for every TS file, Nx module boundaries between projects.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.vigil/**',
      '.nx/**',
      'libs/client/src/generated/**',
    ],
  },
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            // The domain runs in the browser and on the server: nothing from Nest or TypeORM.
            {
              sourceTag: 'scope:domain',
              onlyDependOnLibsWithTags: ['scope:domain'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', 'pg-boss', 'node:*'],
            },
            {
              sourceTag: 'scope:server',
              onlyDependOnLibsWithTags: ['scope:domain', 'scope:server'],
            },
            {
              sourceTag: 'scope:client',
              onlyDependOnLibsWithTags: ['scope:domain', 'scope:client'],
            },
            // The web app never reaches into server code.
            {
              sourceTag: 'scope:web',
              onlyDependOnLibsWithTags: ['scope:domain', 'scope:client'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', 'pg-boss'],
            },
            {
              sourceTag: 'scope:api',
              onlyDependOnLibsWithTags: ['scope:domain', 'scope:server', 'scope:client'],
            },
            {
              sourceTag: 'scope:worker',
              onlyDependOnLibsWithTags: ['scope:domain', 'scope:server'],
            },
          ],
        },
      ],
    },
  },
  {
    // Command-line tools print to the terminal by design.
    files: ['tools/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
