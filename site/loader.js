// Boots the app: Pyodide runtime -> packages (pruned lock, no micropip) -> Python app.
// Runs on the main thread: with precompiled bytecode that was fastest to interactive
// (DESIGN §3: 8.1 s main vs 12.6 s worker), and Panel renders without a message hop.
// Byte progress comes from wrapping fetch(), which Pyodide uses for every file.

const config = JSON.parse(document.getElementById("boot-config").textContent);
const $ = (id) => document.getElementById(id);
const timings = (window.playgroundTimings = { start: performance.now() });

const progress = {
  loaded: 0,
  total: config.runtime_bytes + config.package_bytes,
  stage(text, stepId) {
    $("progress-stage").textContent = text;
    document.querySelectorAll(".progress-steps li").forEach((li) => li.classList.remove("active"));
    if (stepId) $(stepId).classList.add("active");
  },
  done(stepId) { $(stepId).classList.add("done"); },
  add(bytes) {
    this.loaded += bytes;
    const share = Math.min(this.loaded / this.total, 1);
    $("progress-bar").style.width = `${(share * 90).toFixed(1)}%`; // last 10 %: the app
    $("progress-stage").textContent = this.loaded < this.total
      ? `Downloading… ${mb(this.loaded)} of ${mb(this.total)}` : "Installing packages…";
  },
};
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
$("step-runtime").querySelector(".size").textContent = mb(config.runtime_bytes);
$("step-packages").querySelector(".size").textContent = mb(config.package_bytes);

class MissingFile extends Error {}

// Pyodide may catch a failed download and go on; show the screen at once regardless.
function missing(what) {
  showError(new MissingFile(what));
  return new MissingFile(what);
}

// Count bytes as they arrive and turn a failed same-site request into a named error.
const siteFetch = window.fetch.bind(window);
window.fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : input, location.href);
  const name = url.pathname.replace(new URL(".", location.href).pathname, "");
  let response;
  try {
    response = await siteFetch(input, init);
  } catch (err) {
    // Pyodide fetches wheels with `integrity`, so a 404 and a corrupt file both land
    // here as "Failed to fetch"; ask the server which it was.
    const probe = await siteFetch(url, { method: "HEAD" }).catch(() => null);
    const why = !probe ? "server unreachable"
      : probe.ok ? "content does not match the sha256 in the lock" : `HTTP ${probe.status}`;
    throw missing(`${name} (${why})`);
  }
  if (!response.ok) throw missing(`${name} (HTTP ${response.status})`);
  if (!response.body) return response;
  const reader = response.body.getReader();
  const counted = new ReadableStream({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) return controller.close();
      progress.add(value.byteLength);
      controller.enqueue(value);
    },
  });
  return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
};

function showError(err) {
  if (document.documentElement.dataset.state) return; // a screen is already up
  if (err instanceof MissingFile) {
    window.playgroundMissing(err.message);
    return;
  }
  const text = String(err?.message ?? err);
  const lines = text.trim().split("\n");
  window.playgroundScreen("error", "The app stopped with an error", lines[lines.length - 1]);
  $("screen-trace").textContent = text;
  $("screen-trace").hidden = false;
  console.error(err);
}

async function main() {
  progress.stage("Loading the Python runtime…", "step-runtime");
  const { loadPyodide } = await import(new URL(config.pyodide, location.href).href);
  const packagesRequested = performance.now();
  const pyodide = await loadPyodide({
    indexURL: new URL(config.pyodide_dir, location.href).href,
    lockFileURL: new URL(config.lock, location.href).href,
    // Downloading packages while the runtime boots saves a round of waiting.
    packages: config.packages,
    env: { PANEL_CDN_ROOT: new URL(config.panel_cdn_root, location.href).href },
    stdout: (s) => console.log(s),
    stderr: (s) => console.warn(s),
  });
  timings.runtime_and_packages = performance.now() - packagesRequested;
  progress.done("step-runtime");
  progress.done("step-packages");
  progress.loaded = progress.total; // anything uncounted (e.g. a cached file) is here too
  progress.stage("Starting the app…", "step-app");
  pyodide.globals.set("APP_MODULE", config.app_module);
  pyodide.globals.set("set_stage", (text) => progress.stage(text, "step-app"));
  await pyodide.runPythonAsync(config.boot_py, { filename: "boot.py" });
  timings.interactive = performance.now();
  progress.done("step-app");
  $("progress-bar").style.width = "100%";
  $("progress").hidden = true;
  $("layout").classList.add("ready");
  $("layout").setAttribute("aria-busy", "false");
  document.documentElement.dataset.state = "ready";
  window.playgroundPyodide = pyodide; // for tests and benchmarks
}

if (!document.documentElement.dataset.state) {
  main().catch(showError);
  window.addEventListener("unhandledrejection", (event) => showError(event.reason));
}
