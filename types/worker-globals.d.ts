// The pose detector's worker (docs/javascripts/checker/detector-worker.js) loads TensorFlow.js's
// UMD bundles with importScripts: core, the cpu and wasm backends and the converter each add to
// one global `tf`. Their types are the pinned npm packages' own. Not shipped: types only.

type TfCore = typeof import("@tensorflow/tfjs-core");
type TfConverter = typeof import("@tensorflow/tfjs-converter");
type TfWasm = typeof import("@tensorflow/tfjs-backend-wasm");

declare global {
  var tf: TfCore & TfConverter & { wasm: TfWasm };
}

export {};
