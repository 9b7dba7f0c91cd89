// The start-up snapshot: Python's memory just after the heavy imports (numpy, Bokeh, Panel,
// HoloViews), kept in this browser's Cache Storage, so the next visit to the same build
// restores it in a fraction of a second instead of importing them again (bench/RESULTS.md, "Loading").
//
// How, with Pyodide's private snapshot API (pinned Pyodide; Cloudflare's workerd does the same):
// - Every start links the compiled modules (.so) itself, in a preRun hook, before the
//   runtime initialises. Memory is then taken by moving the heap's base, so the same files in
//   the same order land at the same memory and table addresses on every start: the heap of a
//   snapshot points at them. Python's import later finds each one loaded, by its path.
// - A start that restored nothing takes a snapshot between the loader's imports and boot.py,
//   when no Python code is running, and stores it in the background.
// - A restore grows the memory to the snapshot's size in the same hook, then puts back what
//   lives in JavaScript: dlopen's handles and the slots that held `undefined`. The files
//   (site-packages, lessons) are written again, as on every start.
// - JavaScript objects Python holds are saved as their name on globalThis (JSON, document, ...),
//   or, for a function made by run_js, as its source.
// Anything unexpected makes a normal start and says so in the console; the snapshot is deleted.
// Cache Storage needs a secure context (https, or http on localhost): elsewhere every start
// is a normal one.

const CACHE = "playground-startup-snapshot";

// A preRun hook: writes the compiled packages' files (FILES, a promise of an image's files)
// into site-packages and links their .so files in the image's order. For a restore
// (HEAP_BYTES), it first grows the memory to the snapshot's size. LAYOUT gets the table's
// size after linking (given `expected`, any other size fails); FAILED gets any error.
export function librariesHook({ files, heapBytes = 0, layout = {}, failed }) {
  return (Module) => {
    if (heapBytes > Module.HEAP8.length) Module.growMemory(heapBytes); // the build ignores INITIAL_MEMORY
    if (heapBytes) Module.restoreHeap = (image) => restoreHeap(Module.HEAPU8, image);
    Module.addRunDependency("startup-libraries");
    (async () => {
      const site = Module.API.sitePackages;
      const libraries = [];
      for (const { path, bytes } of await files) {
        const full = `${site}/${path}`;
        Module.FS.mkdirTree(full.slice(0, full.lastIndexOf("/")));
        Module.FS.writeFile(full, bytes, { canOwn: true }); // a view of the image, as site_image.js's writeFiles
        if (path.endsWith(".so")) libraries.push([full, WebAssembly.compile(bytes)]);
      }
      files = null; // the image's buffer is the files' alone (site_image.js's keepUnread lets it go)
      for (const [full, compiled] of libraries) {
        // As workerd's loadDynlib: before runtime init, Emscripten's own loader would look
        // for the file on the network; register the library under its path instead.
        const dso = Module.newDSO(full, undefined, "loading");
        dso.refcount = Infinity;
        dso.global = false;
        dso.exports = Module.loadWebAssemblyModule(await compiled, {
          allowUndefined: true, nodelete: true, rpath: { parentLibPath: full, paths: [] } }, full, {});
      }
      layout.tableSize = Module.wasmTable.length;
      if (layout.expected !== undefined && layout.expected !== layout.tableSize) {
        throw new Error(`the libraries' table ends at ${layout.tableSize}, not ${layout.expected}`);
      }
      Module.removeRunDependency("startup-libraries");
    })().catch(failed);
  };
}

// Pyodide's restore, patched to call this (sitebuild/patches.py): copies the snapshot's heap IMAGE
// into MEMORY but for each 64 KiB block that is zero in both. Most of Python's 10 MB stack was
// never used, and a block written with zeros is memory the tab holds like any other.
const BLOCK = 65536;
export function restoreHeap(memory, image) {
  if (image.byteOffset % 4 || image.length % 4) return memory.set(image);
  const zero = (bytes, start) => {
    const words = new Int32Array(bytes.buffer, bytes.byteOffset + start, Math.min(BLOCK, bytes.length - start) >> 2);
    for (let i = 0; i < words.length; i++) if (words[i] !== 0) return false;
    return true;
  };
  for (let start = 0; start < image.length; start += BLOCK) {
    if (!(zero(image, start) && zero(memory, start))) memory.set(image.subarray(start, start + BLOCK), start);
  }
}

// loadPyodide's createPyodideModule: Pyodide's own factory, with a preRun hook added.
export async function moduleFactory(indexURL, hook, holder) {
  const factory = (await import(`${indexURL}pyodide.asm.mjs`)).default;
  return async (settings) => {
    settings.preRun.push(hook);
    holder.Module = await factory(settings);
    return holder.Module;
  };
}

// This build's snapshot, if the browser has one: { meta, heap: Promise<ArrayBuffer> }.
export async function findSnapshot(key) {
  try {
    const cache = await caches.open(CACHE);
    const [heap, meta] = await Promise.all([cache.match(key), cache.match(`${key}.json`)]);
    return heap && meta ? { meta: await meta.json(), heap: heap.arrayBuffer() } : null;
  } catch {
    return null; // no Cache Storage here
  }
}

export async function forgetSnapshot(key) {
  try {
    const cache = await caches.open(CACHE);
    await Promise.all([cache.delete(key), cache.delete(`${key}.json`)]);
  } catch { /* nothing was kept */ }
}

// Takes the snapshot now (synchronously: Python must not run meanwhile) and stores it in the
// background, replacing other builds' snapshots of this site. Returns the storing promise.
export function takeSnapshot(pyodide, Module, key, tableSize) {
  if (!globalThis.caches) return Promise.resolve(false);
  const parked = hiwireSlots(Module).flatMap((value, index) => (value === undefined ? [index] : []));
  const handles = {};
  for (const [handle, dso] of Object.entries(Module.LDSO.loadedLibsByHandle)) {
    if (Number(handle) !== 0) (handles[dso.name] ??= []).push(Number(handle));
  }
  const loaded = pyodide.loadedPackages;
  const meta = { handles, parked, tableSize, heapBytes: Module.HEAP8.length, loadedPackages: { ...loaded } };
  // serializeHiwireState accepts no `undefined` (Panel's import leaves one): park null there.
  // It also expects an empty loadedPackages (Pyodide's import hook noted numpy there).
  for (const index of parked) Module.__hiwire_set(index, null);
  for (const name of Object.keys(loaded)) delete loaded[name];
  const api = pyodide._api;
  api.config._makeSnapshot = true; // only guards makeSnapshot; set on a live instance, not at load
  let bytes;
  try {
    bytes = api.makeSnapshot(serialize);
  } finally {
    api.config._makeSnapshot = false;
    for (const index of parked) Module.__hiwire_set(index, undefined);
    Object.assign(loaded, meta.loadedPackages);
  }
  return (async () => {
    const cache = await caches.open(CACHE);
    const folder = key.slice(0, key.lastIndexOf("/") + 1);
    for (const request of await cache.keys()) {
      if (request.url.startsWith(folder) && !request.url.startsWith(key)) await cache.delete(request);
    }
    await cache.put(key, new Response(bytes));
    letGo(bytes.buffer);
    await cache.put(`${key}.json`, new Response(JSON.stringify(meta)));
    return true;
  })();
}

// Frees a big ArrayBuffer's memory now: transferred away, it is gone at once, not at V8's next
// full collection, which may come minutes later (browsers without transfer() wait for it).
const letGo = (buffer) => buffer.transfer?.(0);

// After a restore: what the snapshot's heap expects of JavaScript.
export function afterRestore(pyodide, Module, meta, heap) {
  delete pyodide._api.config._loadSnapshot; // Pyodide keeps its options
  letGo(heap); // copied into Python's memory: its 65 MB go
  Object.assign(pyodide.loadedPackages, meta.loadedPackages);
  for (const [name, handles] of Object.entries(meta.handles)) {
    const dso = Module.LDSO.loadedLibsByName[name];
    if (!dso) throw new Error(`${name} was not linked`);
    for (const handle of handles) Module.LDSO.loadedLibsByHandle[handle] = dso;
  }
  for (const index of meta.parked) Module.__hiwire_set(index, undefined);
}

// Every value in the hiwire table after Pyodide's own first seven, by index.
function hiwireSlots(Module) {
  const values = [];
  for (let index = 7; ; index++) {
    try {
      values[index] = Module.__hiwire_get(index);
    } catch {
      return values;
    }
  }
}

let globalNames = null;
function serialize(value) {
  if (!globalNames) {
    // The window by that name: in a top-level page `top` and `parent` are the window too,
    // but not in the iframe of an embed that may restore this snapshot.
    globalNames = new Map([[globalThis, "globalThis"]]);
    for (const name of Object.getOwnPropertyNames(globalThis)) {
      let found;
      try { found = globalThis[name]; } catch { continue; }
      if (found && (typeof found === "object" || typeof found === "function") && !globalNames.has(found)) {
        globalNames.set(found, name);
      }
    }
  }
  if (globalNames.has(value)) return { global: globalNames.get(value) };
  if (typeof value === "function") {
    const source = Function.prototype.toString.call(value);
    if (!/\[native code\]\s*\}$/.test(source)) return { source };
  }
  throw new Error(`Python holds a ${typeof value} that cannot be saved`);
}

export function deserialize(saved) {
  if ("global" in saved) return globalThis[saved.global];
  return (0, eval)(`(${saved.source})`);
}
