// ESLint flat config. Layer boundaries follow docs/architecture.md (house style §6.2).
import tseslint from 'typescript-eslint'
import importX from 'eslint-plugin-import-x'

const layerZones = [
  {
    target: './src/domain',
    from: './src',
    except: ['./domain'],
    message: 'src/domain must stay pure: no imports from other layers',
  },
  {
    target: './src/db',
    from: ['./src/app', './src/api', './src/web', './src/cli', './src/http'],
    message: 'src/db may import only src/domain types',
  },
  {
    target: './src/app',
    from: ['./src/api', './src/web', './src/cli', './src/http'],
    message: 'src/app must not depend on adapters',
  },
  { target: ['./src/api', './src/web', './src/cli'], from: './src/db', message: 'Go through src/app' },
  { target: './src/web', from: ['./src/api', './src/cli'], message: 'web may not import api or cli' },
  { target: './src/api', from: ['./src/web', './src/cli'], message: 'api may not import web or cli' },
  { target: './src/cli', from: ['./src/web', './src/api'], message: 'cli may not import web or api' },
]

export default tseslint.config(
  { ignores: ['node_modules/**', '.data/**', '.cache/**', 'coverage/**', 'reports/**', 'docs/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    rules: {
      curly: ['error', 'all'],
      eqeqeq: ['error', 'always'],
      'max-classes-per-file': ['error', 1],
      'no-console': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]",
          message: 'No .only in committed tests',
        },
      ],
    },
  },
  {
    // The domain is pure: no wall clock, no environment, no I/O (house style §6.2).
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The domain takes today as a CalendarDay; no wall clock',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'No wall clock in the domain',
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'No environment in the domain' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'pg', '@electric-sql/*', 'fastify*', 'drizzle-orm*'],
              message: 'No I/O in the domain',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.int.test.ts', 'e2e/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
)
