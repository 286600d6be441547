// docs/javascripts/vendor/idb.js is copied from the pinned npm package at build time
// (overrides/hooks/idb_vendor.py): its types are the package's own.
export * from "idb";
