// Shared helpers for the snapshot spike (works in Node 20 and Chromium).

// Minimal zip reader: returns [{name, bytes}] for entries whose name matches `filter`.
export async function unzipEntries(buf, filter) {
  const u8 = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  const dv = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  let eocd = u8.length - 22;
  while (eocd >= 0 && dv.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("zip: no end of central directory");
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const out = [];
  const dec = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (dv.getUint32(p, true) !== 0x02014b50) throw new Error("zip: bad central header");
    const method = dv.getUint16(p + 10, true);
    const csize = dv.getUint32(p + 20, true);
    const nlen = dv.getUint16(p + 28, true), xlen = dv.getUint16(p + 30, true), clen = dv.getUint16(p + 32, true);
    const local = dv.getUint32(p + 42, true);
    const name = dec.decode(u8.subarray(p + 46, p + 46 + nlen));
    p += 46 + nlen + xlen + clen;
    if (!filter(name)) continue;
    const lnlen = dv.getUint16(local + 26, true), lxlen = dv.getUint16(local + 28, true);
    const data = u8.subarray(local + 30 + lnlen + lxlen, local + 30 + lnlen + lxlen + csize);
    let bytes;
    if (method === 0) bytes = data.slice();
    else if (method === 8) {
      const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
      bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    } else throw new Error(`zip: method ${method}`);
    out.push({ name, bytes });
  }
  out.sort((a, b) => (a.name < b.name ? -1 : 1));
  return out;
}

// A preRun hook that writes the given .so files into site-packages and loads them
// *before* the runtime is initialised: getMemory() then bump-allocates from
// __heap_base, so every run that loads the same libraries in the same order puts
// them at the same memory base and table base (what a snapshot needs).
export function preloadDynlibsHook(soFiles, log = {}, snapshot = null) {
  return (Module) => {
    // INITIAL_MEMORY (set by prepareSnapshot) is ignored by this build: grow the
    // memory to the snapshot's heap size ourselves, as workerd does.
    if (snapshot) {
      const u8 = ArrayBuffer.isView(snapshot) ? snapshot : new Uint8Array(snapshot);
      const heapSize = u8.length - new Uint32Array(u8.buffer, u8.byteOffset, 2)[1];
      if (heapSize > Module.HEAP8.length) Module.growMemory(heapSize);
    }
    Module.addRunDependency("snapshot-dynlibs");
    (async () => {
      const site = Module.API.sitePackages;
      log.tableBefore = Module.wasmTable.length;
      const t0 = performance.now();
      for (const { name, bytes } of soFiles) {
        const path = `${site}/${name}`;
        Module.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
        Module.FS.writeFile(path, bytes);
        // As workerd's loadDynlib: findLibraryFS() refuses before runtime init, so
        // instantiate the module ourselves and register the DSO by its path.
        const dso = Module.newDSO(path, undefined, "loading");
        dso.refcount = Infinity;
        dso.global = false;
        const wasmModule = await WebAssembly.compile(bytes);
        dso.exports = Module.loadWebAssemblyModule(wasmModule, { allowUndefined: true, nodelete: true,
          rpath: { parentLibPath: path, paths: [] } }, path, {});
      }
      log.ms = performance.now() - t0;
      log.tableAfter = Module.wasmTable.length;
      log.runtimeInitialized = !!Module.calledRun;
    })().then(() => Module.removeRunDependency("snapshot-dynlibs"),
              (e) => { console.error("dynlib preload failed", e); Module.removeRunDependency("snapshot-dynlibs"); });
  };
}

// loadPyodide's createPyodideModule option: wraps the Emscripten factory to append a preRun hook.
export async function factoryWithPreRun(indexURL, hook, holder = {}) {
  const factory = (await import(indexURL + "pyodide.asm.mjs")).default;
  return async (settings) => {
    settings.preRun.push(hook);
    const mod = await factory(settings);
    holder.Module = mod;
    return mod;
  };
}

// Records dlopen handles, loadedPackages: what the JS side must get back after restore.
export function jsSideState(pyodide, Module) {
  const handles = {};
  for (const [h, dso] of Object.entries(Module.LDSO.loadedLibsByHandle)) {
    if (Number(h) !== 0) (handles[dso.name] ??= []).push(Number(h));
  }
  // serializeHiwireState rejects `undefined` entries (panel's import leaves one):
  // note them and park null there while the snapshot is taken; put back on restore.
  const undefinedSlots = [];
  for (let i = 7; ; i++) {
    let v; try { v = Module.__hiwire_get(i); } catch { break; }
    if (v === undefined) undefinedSlots.push(i);
  }
  return { handles, loadedPackages: { ...pyodide.loadedPackages }, undefinedSlots };
}

export function restoreJsSideState(pyodide, Module, state) {
  for (const [name, hs] of Object.entries(state.handles)) {
    const dso = Module.LDSO.loadedLibsByName[name];
    if (!dso) throw new Error(`snapshot: ${name} not preloaded`);
    for (const h of hs) Module.LDSO.loadedLibsByHandle[h] = dso;
  }
  Object.assign(pyodide.loadedPackages, state.loadedPackages);
  for (const i of state.undefinedSlots ?? []) Module.__hiwire_set(i, undefined);
}
export function parkUndefined(Module, state, value) {
  for (const i of state.undefinedSlots) Module.__hiwire_set(i, value);
}

export const NUMPY_WHEEL = "numpy-2.4.3-cp314-cp314-pyemscripten_2026_0_wasm32.whl";

// JS objects Python holds that are not reachable by a path from globalThis: functions
// made by run_js (e.g. panel.io.pyodide._dict_converter) are saved as their source.
export function serializer(obj) {
  if (typeof obj === "function") {
    const src = Function.prototype.toString.call(obj);
    if (!/\[native code\]\s*\}$/.test(src)) return { jsSource: src };
  }
  let d; try { d = `${typeof obj} ${obj?.constructor?.name} ${String(obj).slice(0, 200)}`; } catch { d = typeof obj; }
  throw new Error(`snapshot: cannot serialize ${d}`);
}
export function deserializer(s) {
  if (s && "jsSource" in s) return (0, eval)(`(${s.jsSource})`);
  throw new Error(`snapshot: cannot deserialize ${JSON.stringify(s)}`);
}
export function describeHiwire(Module) {
  const rows = [];
  for (let i = 7; ; i++) {
    let v; try { v = Module.__hiwire_get(i); } catch { break; }
    let d = v === null ? "null" : typeof v;
    try { d += " " + (v?.constructor?.name ?? "") + " " + String(v).slice(0, 100).replace(/\n/g, " "); } catch { d += " ?"; }
    rows.push([i, d]);
  }
  return rows;
}

// jsglobals for the make run. Pyodide's makeGlobalsProxy (which records access paths)
// calls Reflect.get(target, prop, receiver) with its Proxy as the receiver, so DOM
// accessors and the Window's named-properties object throw "Illegal invocation"
// (e.g. holoviews' hasattr(js, "_JUPYTERLAB")). Wrapping globalThis in a proxy that
// drops the receiver (recursively, unwrapping `this` and arguments on calls) fixes it.
const RAW = new WeakMap();
const unwrap = (v) => (v !== null && (typeof v === "object" || typeof v === "function") && RAW.has(v) ? RAW.get(v) : v);
export function receiverSafe(obj) {
  if (obj === null || (typeof obj !== "object" && typeof obj !== "function")) return obj;
  if (RAW.has(obj)) return obj;
  const p = new Proxy(obj, {
    get(target, prop) {
      const v = Reflect.get(target, prop);
      const d = Reflect.getOwnPropertyDescriptor(target, prop);
      if (d && d.writable === false && !d.configurable) return v; // proxy invariant
      return receiverSafe(v);
    },
    set(target, prop, value) { return Reflect.set(target, prop, unwrap(value)); },
    apply(target, thisArg, args) { return Reflect.apply(target, unwrap(thisArg), args.map(unwrap)); },
    construct(target, args) { return Reflect.construct(target, args.map(unwrap)); },
  });
  RAW.set(p, obj);
  return p;
}

// After a restore, put the wheels' files back into MEMFS (the snapshot holds only the
// wasm heap; Emscripten's file system lives in JS). Native inflate, no Python.
export async function installWheelsJs(pyodide, urls) {
  const site = pyodide._api.sitepackages;
  const bufs = await Promise.all(urls.map(async (u) => (await fetch(u)).arrayBuffer()));
  let files = 0;
  for (const buf of bufs) {
    for (const { name, bytes } of await unzipEntries(buf, (n) => !n.endsWith("/") && !n.endsWith(".so"))) {
      const path = `${site}/${name}`;
      pyodide.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
      pyodide.FS.writeFile(path, bytes, { canOwn: true });
      files++;
    }
  }
  return files;
}
