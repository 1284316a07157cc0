// Lint for what matters on untrusted copy: regular expressions that backtrack
// super-linearly (eslint-plugin-regexp), plus TypeScript's recommended checks.
import tseslint from 'typescript-eslint'
import regexp from 'eslint-plugin-regexp'

export default tseslint.config(
  {ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-output/**', 'editors/**/out/**', 'web/dist/**']},
  ...tseslint.configs.recommended,
  regexp.configs['flat/recommended'],
  {
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      'regexp/no-misleading-capturing-group': 'error',
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_'}]
    }
  }
)
