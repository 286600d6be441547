// docs/javascripts/vendor/comlink.mjs is copied from the pinned npm package at build time
// (overrides/hooks/pyodide_runtime.py): its types are the package's own.
export * from "comlink";
