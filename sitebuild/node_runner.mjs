// Runs sitebuild/in_pyodide.py inside Pyodide under Node, one job a run:
//   {"job": "compile", "keep_source": [...]}  the archives in <work dir>/in to bytecode in out/;
//   {"job": "smoke", "app_module": "..."}     the app from the wheels in <work dir>, on the
//                                             runtime in <pyodide dir> (the compiled one).
// Usage: node node_runner.mjs <pyodide dir> <work dir> <json options>
// Prints one JSON line (the smoke-test report, or null) on stdout; exits non-zero on any error.
import path from "node:path";
import { fileURLToPath } from "node:url";

const [pyodideDir, workDir, optionsJson] = process.argv.slice(2);
const options = JSON.parse(optionsJson);
const here = path.dirname(fileURLToPath(import.meta.url));

// panel.io.pyodide imports XMLHttpRequest from `js`; Node has none and the smoke test
// never makes a request, so an empty class is enough.
globalThis.XMLHttpRequest = class {};

const { loadPyodide } = await import(path.join(pyodideDir, "pyodide.mjs"));
const py = await loadPyodide({ indexURL: pyodideDir + "/", stdout: (s) => process.stderr.write(s + "\n") });
for (const [host, mount] of [[workDir, "/mnt/build"], [here, "/mnt/sitebuild"]]) {
  py.FS.mkdirTree(mount);
  py.FS.mount(py.FS.filesystems.NODEFS, { root: host }, mount);
}
py.globals.set("options", py.toPy(options));
try {
  const report = await py.runPythonAsync(`
import sys
sys.path.insert(0, "/mnt/sitebuild")
import in_pyodide
if options["job"] == "compile":
    in_pyodide.compile_archives("/mnt/build/in", "/mnt/build/out", set(options["keep_source"]))
    report = "null"
else:
    report = in_pyodide.smoke_test("/mnt/build", options["app_module"])
report
`);
  process.stdout.write(report + "\n", () => process.exit(0));
} catch (error) {
  // Only the message (for a PythonError, the traceback): Node's own report quotes the
  // minified source line, over 64 KB, and exiting cuts the pipe before the traceback.
  process.stderr.write(String(error?.message ?? error) + "\n", () => process.exit(1));
}
