// Boots the app in the three stages the progress bar shows:
//   runtime   loadPyodide(): pyodide.asm.wasm, python_stdlib.zip and the pruned lock;
//   packages  every package's files, as two images (sitebuild/site_image.py): the compiled
//             packages (numpy), linked before Python starts (startup_snapshot.js), and the
//             pure-Python ones, written into site-packages once it has; both download while
//             the runtime boots (the page's head starts them, in site/download_worker.js, with
//             the stdlib): the first byte starts the stage;
//   app       the heavy imports (run here, one step at a time), then boot.py: building the
//             app and drawing it (it reports each step).
// A few seconds after "ready" the images' buffers are let go (site_image.js's keepUnread).
// A visit after the first restores Python's memory as it was after the imports (the
// start-up snapshot, kept in Cache Storage) and skips them; if that fails, it starts normally.
// Runs on the main thread: with precompiled bytecode that was fastest to interactive
// (docs/measurements.md: 8.1 s main vs 12.6 s worker), and Panel renders without a message hop.
// Byte progress comes from wrapping fetch(), which Pyodide uses for the wasm and the lock, and
// from the download worker's messages (the stdlib, the images); pyodide.mjs and pyodide.asm.mjs come by import()
// and are not counted (nor in runtime_bytes). After "ready", a Python error shows a banner
// over the still-running app instead of a screen that would take it away. Every text comes
// from playground.words (index.html), in the language the page chose before this script ran.
// Lessons (small Markdown files) download beside the runtime and are written into
// Pyodide's file system, where the app finds them through $PLAYGROUND_LESSONS, before
// boot.py runs.

import { keepNamingControls, shadowRoots } from "./accessible_names.js";
import { imageFiles, keepUnread, writeFiles } from "./site_image.js";
import { afterRestore, deserialize, findSnapshot, forgetSnapshot, librariesHook, moduleFactory, takeSnapshot }
  from "./startup_snapshot.js";

const config = JSON.parse(document.getElementById("boot-config").textContent);
const page = window.playground; // the page's one object (playground/page/__init__.py)
const words = page.words;
const $ = (id) => document.getElementById(id);
// bench/site.py reads these: start, each phase's end (marks, in order), interactive.
const timings = (page.timings = { start: performance.now(), marks: [] });
const mark = (phase) => timings.marks.push([phase, performance.now()]);
const LESSONS_DIR = "/home/pyodide/lessons";

// Each stage owns a slice of the bar, roughly its share of a cold load on a local
// server (measured: runtime 31 %, packages 16 %, app 50 %), so the bar moves at an
// even pace. The sizes beside the steps (as sent compressed) are written into index.html
// at build time; the bar fills with the bytes as read (decoded), which the page can count.
// Texts are catalog keys.
const STAGES = {
  runtime: { from: 0, to: 30, bytes: config.runtime_bytes,
             downloading: "loader.downloading_runtime", after: "loader.starting_python" },
  packages: { from: 30, to: 50, bytes: config.package_bytes,
              downloading: "loader.downloading_packages", after: "loader.installing_packages" },
  app: { from: 50, to: 100 },
};

const progress = {
  name: null,
  loaded: { runtime: 0, packages: 0 },
  width: 0,
  grow(width) { // the bar never goes back, though packages may have filled part of their slice early
    this.width = Math.max(this.width, width);
    $("progress-bar").style.width = `${this.width.toFixed(1)}%`;
  },
  enter(name, key) {
    if (this.name) $(`step-${this.name}`).classList.replace("active", "done");
    this.name = name;
    $("progress").dataset.stage = name;
    $(`step-${name}`).classList.add("active");
    this.show(0, key);
  },
  show(share, key) {
    const { from, to } = STAGES[this.name];
    this.grow(from + Math.min(share, 1) * (to - from));
    $("progress-stage").textContent = words.text(key);
  },
  // Packages arrive while the runtime still downloads and boots (all start in the head):
  // a package byte after the whole runtime moves the bar to "packages"; each stage's
  // slice fills with its own files' bytes, so the bar only grows.
  add(bytes, file) {
    if (file.startsWith("lessons/")) return; // a few kB, not part of either stage's size
    const name = [config.image.file, config.compiled_image.file].includes(file) ? "packages" : "runtime";
    if (this.name === "app" || !STAGES[name].bytes) return;
    const filled = (stage) => Math.min(this.loaded[stage] / STAGES[stage].bytes, 1);
    if (name === "packages" && this.name === "runtime" && filled("runtime") === 1) {
      this.enter("packages", STAGES.packages.downloading);
    }
    this.loaded[name] += bytes;
    const { runtime, packages } = STAGES;
    const width = runtime.to * filled("runtime") + (packages.to - packages.from) * filled("packages");
    this.grow(width);
    const stage = STAGES[this.name], loaded = this.loaded[this.name];
    $("progress-stage").textContent = loaded < stage.bytes
      ? words.text("loader.downloaded",
                   { stage: words.text(stage.downloading), percent: Math.floor((100 * loaded) / stage.bytes) })
      : words.text(stage.after);
  },
  finish() {
    $(`step-${this.name}`).classList.replace("active", "done");
    this.grow(100);
  },
};

class MissingFile extends Error {}

// Pyodide may catch a failed download and go on; show the screen at once regardless.
function missing(what) {
  showError(new MissingFile(what));
  return new MissingFile(what);
}

// Why a same-site request failed. Pyodide fetches with `integrity`, so a 404 and a corrupt
// file both land as "Failed to fetch"; ask the server which it was.
async function whyFailed(url) {
  const probe = await siteFetch(url, { method: "HEAD" }).catch(() => null);
  return !probe ? words.text("errors.server_unreachable")
    : probe.ok ? words.text("errors.hash_mismatch") : `HTTP ${probe.status}`;
}

// Count bytes as they arrive and turn a failed same-site request into a named error.
const siteFetch = window.fetch.bind(window);
window.fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : input, location.href);
  const name = url.pathname.replace(new URL(".", location.href).pathname, "");
  if (downloads.has(name)) return new Response(await downloads.get(name)); // Pyodide's stdlib
  let response;
  try {
    response = await siteFetch(input, init);
  } catch (err) {
    throw missing(`${name} (${await whyFailed(url)})`);
  }
  if (!response.ok) throw missing(`${name} (HTTP ${response.status})`);
  if (!response.body) return response;
  const reader = response.body.getReader();
  const counted = new ReadableStream({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) return controller.close();
      progress.add(value.byteLength, name);
      controller.enqueue(value);
    },
  });
  return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
};

// The bytes of the files Python reads (the stdlib, the package images), from the worker the
// page's head started (site/download_worker.js): file -> promise of an ArrayBuffer.
const downloads = new Map();
const downloaded = new Map();
for (const { file } of [config.stdlib, config.compiled_image, config.image]) {
  downloads.set(file, new Promise((resolve, reject) => downloaded.set(file, { resolve, reject })));
  downloads.get(file).catch(() => {}); // shown at once (receiveDownloads); thrown again where awaited
}

// Takes over the worker's messages, those that came before too: bytes move the progress
// bar (so the bar must have entered its first stage), a failed download shows its screen.
function receiveDownloads() {
  const take = async ({ data: { file, loaded, bytes, error } }) => {
    if (loaded) progress.add(loaded, file);
    if (bytes) downloaded.get(file).resolve(bytes);
    if (error) downloaded.get(file).reject(missing(`${file} (${await whyFailed(siteUrl(file))})`));
  };
  const { worker, early } = page.downloads;
  early.forEach(take);
  worker.onmessage = take;
}

const isReady = () => document.documentElement.dataset.state === "ready";
const lastLine = (text) => text.trim().split("\n").pop();

function showError(err) {
  const text = String(err?.message ?? err);
  if (isReady()) return showAppError(text);
  if (document.documentElement.dataset.state) return; // a screen is already up
  if (err instanceof MissingFile) {
    page.missing(err.message);
    return;
  }
  page.screen("error", lastLine(text));
  $("screen-trace").textContent = text;
  $("screen-trace").hidden = false;
  console.error(err);
}

// The app usually survives an error in one callback, and a reload loses the network
// a student has built, so the banner leaves the app on screen and offers the reload.
function showAppError(text) {
  $("app-error-message").textContent = lastLine(text);
  $("app-error-trace").textContent = text;
  $("app-error").hidden = false;
  console.error(text);
}

// Called by boot.py's hooks (Panel's exception_handler, the asyncio loop's handler).
page.pythonError = (text) => showError(new Error(text));

// A path of this site as an absolute address (Pyodide and the worker need absolute ones).
const siteUrl = (path) => new URL(path, location.href).href;

// This build's start-up snapshot in Cache Storage (startup_snapshot.js).
const SNAPSHOT_KEY = siteUrl(`startup-snapshot/${config.snapshot}`);

// Waits until the browser has painted, so a stage text set just before is seen.
// Also awaited by each frame of training (playground.page.browser.next_paint).
const nextPaint = (page.nextPaint = () =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));

// An image's files, once the download worker has it.
const fetchImage = async ({ file }) => imageFiles(await downloads.get(file));

async function fetchLesson(file) {
  const response = await fetch(file);
  return [file.split("/").pop(), await response.text()];
}

// Pyodide, with the compiled packages linked first (startup_snapshot.js) and, given a saved
// snapshot, its memory restored. Rejects if the snapshot does not fit this start.
async function startPython(compiled, saved) {
  const indexURL = siteUrl(config.pyodide_dir);
  const holder = {}, layout = { expected: saved?.meta.tableSize };
  let failed;
  const failure = new Promise((_, reject) => (failed = reject));
  const hook = librariesHook({ files: compiled, heapBytes: saved?.meta.heapBytes, layout, failed });
  const { loadPyodide } = await import(siteUrl(config.pyodide));
  const pyodide = await Promise.race([failure, loadPyodide({
    indexURL,
    lockFileURL: siteUrl(config.lock),
    createPyodideModule: await moduleFactory(indexURL, hook, holder),
    ...(saved && { _loadSnapshot: saved.heap, _snapshotDeserializer: deserialize }),
    env: { PANEL_CDN_ROOT: siteUrl(config.panel_cdn_root), PLAYGROUND_LESSONS: LESSONS_DIR },
    stdout: (s) => console.log(s),
    stderr: (s) => console.warn(s),
  })]);
  if (saved) {
    afterRestore(pyodide, holder.Module, saved.meta, await saved.heap);
    // The snapshot froze the random generators' state: every visit draws its own.
    pyodide.runPython("import random, sys\nrandom.seed()\nif 'numpy' in sys.modules: sys.modules['numpy'].random.seed()");
  }
  return { pyodide, Module: holder.Module, tableSize: layout.tableSize, restored: Boolean(saved) };
}

// A snapshot for the next visit; a failure costs only that.
function saveSnapshot({ pyodide, Module, tableSize }, key) {
  const why = (error) => console.warn(`No start-up snapshot for the next visit: ${error.message ?? error}`);
  try {
    takeSnapshot(pyodide, Module, key, tableSize).catch(why);
  } catch (error) {
    why(error);
  }
}

async function main() {
  progress.enter("runtime", "loader.loading_runtime");
  receiveDownloads();
  const lessons = Promise.all(config.lessons.map(fetchLesson));
  const image = fetchImage(config.image);
  image.catch(() => {}); // a failure shows its screen at once (downloads), and again where awaited
  const compiled = fetchImage(config.compiled_image);
  compiled.catch(() => {});
  const saved = await findSnapshot(SNAPSHOT_KEY);
  let python = null;
  if (saved) {
    python = await startPython(compiled, saved).catch((error) => {
      console.warn(`The start-up snapshot did not fit (${error.message ?? error}): starting Python normally.`);
      forgetSnapshot(SNAPSHOT_KEY);
      return null;
    });
  }
  python ??= await startPython(compiled, null);
  downloads.clear(); // each buffer is Python's now, or a copy of it (the stdlib's): 9 MB less held
  const { pyodide } = python;
  timings.python = python.restored ? "restored" : "started";
  const pureFiles = await image;
  const imagePaths = [...pureFiles, ...await compiled].map(({ path }) => path);
  writeFiles(pyodide, pureFiles);
  page.downloads.worker.terminate(); // its last file has come: its thread and heap are freed
  mark("runtime and wheels");
  if (progress.name === "runtime") progress.enter("packages", STAGES.packages.after); // nothing was fetched
  pyodide.FS.mkdirTree(LESSONS_DIR);
  for (const [name, text] of await lessons) pyodide.FS.writeFile(`${LESSONS_DIR}/${name}`, text);
  mark("lessons written");
  progress.enter("app", "loader.starting_app");
  const appSize = $("step-app").querySelector(".size");
  const steps = [...config.imports.map(([key]) => key), "loader.building", "loader.drawing", "loader.ready"];
  let step = null; // the step under way: it ends when the next one is set
  const endStep = () => {
    if (step) mark(step.replace("loader.", ""));
    step = null;
  };
  const stage = (key) => {
    endStep();
    step = key;
    const done = steps.indexOf(key), total = steps.length - 1;
    progress.show(done / total, key);
    appSize.textContent = words.text("loader.steps", { done, total });
    return nextPaint();
  };
  if (!python.restored) {
    // The heavy imports, one step at a time so the bar moves between them (Python blocks the
    // page while it imports; only an await lets the browser paint), then the snapshot.
    for (const [key, modules] of config.imports) {
      await stage(key);
      pyodide.runPython(`import importlib, importlib.util
for name in ${JSON.stringify(modules)}:
    if importlib.util.find_spec(name.split(".")[0]):  # a stand-in app may not ship it
        importlib.import_module(name)`);
    }
    endStep();
    saveSnapshot(python, SNAPSHOT_KEY);
    mark("snapshot taken");
  }
  pyodide.globals.set("APP_MODULE", config.app_module);
  pyodide.globals.set("set_stage", stage);
  await page.scriptsRan; // boot.py draws with BokehJS and Panel's JS
  await pyodide.runPythonAsync(config.boot_py, { filename: "boot.py" });
  timings.interactive = performance.now();
  progress.finish();
  $("progress").hidden = true;
  $("layout").classList.add("ready");
  $("layout").setAttribute("aria-busy", "false");
  document.documentElement.dataset.state = "ready";
  keepNamingControls();
  playIfPressedEarly();
  document.querySelector(".skeleton").remove(); // its Play button is the app's now
  page.pyodide = pyodide; // for tests and benchmarks
  page.trainingWorker = startTrainingWorker();
  setTimeout(async () => {
    await keepUnread(pyodide, imagePaths);
    timings.imagesLetGo = performance.now();
  }, AFTER_READY_MS);
}

// How long after "ready" the page lets go of the package images (keepUnread: 40–75 ms of work, a few
// ms at a time): after the first frames and the training worker's start.
const AFTER_READY_MS = 3000;

// Play pressed in the skeleton before Python was ready (site/index.html): the app's own Play
// button is pressed for the student, as if now, where the app shows it (a lesson may hide it).
function playIfPressedEarly() {
  if (!page.earlyPlay) return;
  for (const root of [document, ...shadowRoots(document)]) {
    const button = root.querySelector(".np-play")?.shadowRoot.querySelector("button");
    if (button) {
      if (button.getClientRects().length) button.click();
      return;
    }
  }
}

// A second Python in a Web Worker that trains while this one draws (playground/worker/client.py).
// Started after "ready" so it never delays the page; until it is ready, or if it fails, the
// page's own Python trains, as it does without Web Workers.
// A worker that fails (e.g. out of memory: its Python could not start, or a frame raised) is
// ended, so its memory goes back to the tab.
function startTrainingWorker() {
  const handle = { ready: false, failed: null, advance: null, requests: 0 };
  const waiting = new Map(); // by request number
  let worker = null;
  const fail = (why) => {
    handle.ready = false;
    handle.failed = why;
    worker?.terminate();
    console.warn(`training worker: ${why}; training runs in the page`);
    for (const resolve of waiting.values()) resolve(null);
    waiting.clear();
  };
  try {
    worker = new Worker(siteUrl("training_worker.js"), { type: "module" });
    worker.onerror = (event) => fail(event.message || "it could not start");
    worker.onmessage = ({ data }) => {
      if (data.ready) handle.ready = true;
      else if (data.id === undefined) fail(data.failed);
      else {
        if (data.failed) fail(data.failed);
        waiting.get(data.id)?.(data.reply ?? null);
        waiting.delete(data.id);
      }
    };
    worker.postMessage({ boot: { pyodide: siteUrl(config.pyodide), indexURL: siteUrl(config.pyodide_dir),
                                 lockFileURL: siteUrl(config.lock), packages: config.training_packages,
                                 wheel: siteUrl(config.training_wheel),
                                 numpy: { ...config.compiled_image, file: siteUrl(config.compiled_image.file) } } });
    handle.advance = (request) => new Promise((resolve) => {
      if (handle.failed) return resolve(null); // ended: nothing would answer
      const id = handle.requests++;
      waiting.set(id, resolve);
      worker.postMessage({ id, request }, [request.buffer]);
    });
  } catch (error) {
    fail(String(error));
  }
  return handle;
}

// A Python error that escapes into JavaScript (e.g. from a Bokeh event) after "ready".
const isPythonError = (err) => err?.name === "PythonError";
window.addEventListener("error", (event) => {
  if (isReady() && isPythonError(event.error)) showError(event.error);
});

// A restored Python that fails before "ready" may be the snapshot's fault: forget it and
// start once more, normally (once a tab session, so a failure of the app itself still shows).
async function failedStart(error) {
  if (timings.python === "restored" && firstRetry()) {
    console.warn("Starting again without the start-up snapshot after:", error);
    await forgetSnapshot(SNAPSHOT_KEY);
    location.reload();
    return;
  }
  showError(error);
}

function firstRetry() {
  try {
    if (sessionStorage.getItem("playground-fresh-start")) return false;
    sessionStorage.setItem("playground-fresh-start", "1");
    return true;
  } catch {
    return false; // no storage for this page (a blocked iframe): no way to stop a loop
  }
}

if (!document.documentElement.dataset.state) {
  main().catch(failedStart);
  window.addEventListener("unhandledrejection", (event) => {
    if (!isReady() || isPythonError(event.reason)) showError(event.reason);
  });
}
