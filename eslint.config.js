// ESLint flat config: @eslint/js recommended for every JavaScript file we ship or test with, plus
// a few rules that catch what bit us before (see each comment). Formatting is Prettier's job.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["site/**", "node_modules/**", ".venv/**", ".cache/**"] },
  js.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // A promise nobody awaits fails silently: make every floating call say why.
      "no-void": ["error", { allowAsStatement: true }],
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-unused-vars": ["error", { argsIgnorePattern: "^_", caughtErrors: "none" }],
      "prefer-const": "error",
      "no-var": "error",
      "object-shorthand": "error",
      "no-shadow": "error",
      "no-implicit-coercion": "error",
      "no-param-reassign": ["error", { props: false }],
      "max-lines": ["error", { max: 400, skipBlankLines: false, skipComments: false }],
      "max-lines-per-function": ["warn", { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ["docs/javascripts/**/*.js"],
    // document$: Material for MkDocs' page observable (app.js, update-prompt.js).
    languageOptions: { globals: { ...globals.browser, document$: "readonly" } },
  },
  {
    files: ["docs/javascripts/**/*worker*.js", "docs/sw.js"],
    languageOptions: { globals: { ...globals.worker, ...globals.serviceworker } },
  },
  {
    files: ["scripts/**", "tests/**", "eslint.config.js"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["tests/bench/fixtures/**"],
    languageOptions: { globals: { ...globals.worker } },
  },
];
