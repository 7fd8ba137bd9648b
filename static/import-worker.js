// The import worker: a second instance of the planner's own wasm, in a
// thread of its own, which reads and imports one file and is then
// stopped. The page sends one message: the URL of its wasm-bindgen glue
// (whose file name changes with every build), its compiled wasm module
// (so it is neither fetched nor compiled again) and the job. The rest is
// Rust: src/io/worker/inside.rs runs here, src/io/worker/mod.rs in the
// page. A failure to start is reported, and the page imports the file
// itself.
self.onmessage = async ({ data }) => {
  try {
    const glue = await import(data.app);
    await glue.default({ module_or_path: data.module });
    glue.import_in_worker(data.job);
  } catch (e) {
    self.postMessage({ kind: "broken", reason: String(e) });
  }
};
