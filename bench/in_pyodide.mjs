// Runs a Python script in Pyodide under Node, with numpy and param from a built site's runtime:
// the interpreter and numpy the browser runs, without a browser (bench/picture.py --pyodide).
//   node bench/in_pyodide.mjs <pyodide dir> <json: {"mounts": [host dirs], "argv": [script, ...args]}>
// Each host dir is mounted at its own path; the script's output goes to stdout, a Python error to
// stderr (its traceback only) with exit status 1.
import path from "node:path";

const [pyodideDir, optionsJson] = process.argv.slice(2);
const { mounts, argv } = JSON.parse(optionsJson);
const { loadPyodide } = await import(path.join(path.resolve(pyodideDir), "pyodide.mjs"));
const py = await loadPyodide({
  indexURL: path.resolve(pyodideDir) + "/",
  stdout: (line) => process.stdout.write(line + "\n"),
  stderr: (line) => process.stderr.write(line + "\n"),
});
await py.loadPackage(["numpy", "param"], { messageCallback: () => {} });
for (const dir of mounts) {
  py.FS.mkdirTree(dir);
  py.FS.mount(py.FS.filesystems.NODEFS, { root: dir }, dir);
}
py.globals.set("argv", py.toPy(argv));
try {
  await py.runPythonAsync(`import os, runpy, sys
sys.argv = list(argv)
sys.path.insert(0, os.path.dirname(sys.argv[0]))  # as python does for a script: its neighbours import
runpy.run_path(sys.argv[0], run_name="__main__")`);
} catch (error) {
  // Only the message (the traceback): Node's own report quotes the minified runtime, over 64 KB.
  process.stderr.write(String(error?.message ?? error) + "\n", () => process.exit(1));
}
