// The files of a site-packages image (sitebuild/site_image.py): the page's loader writes both
// images with them, and the training worker numpy's (the same bytes the page downloaded, so
// the worker needs no numpy wheel).

// [{ path in site-packages, bytes }] of an image's ArrayBuffer.
export function imageFiles(buffer) {
  const image = new Uint8Array(buffer);
  const length = new DataView(buffer).getUint32(0, true);
  const index = JSON.parse(new TextDecoder().decode(image.subarray(4, 4 + length)));
  let offset = 4 + length;
  return index.map(([path, size]) => ({ path, bytes: image.subarray(offset, (offset += size)) }));
}

const sitePackages = (pyodide) => pyodide.runPython("import sysconfig; sysconfig.get_path('purelib')");

// Each file a view of the image's buffer (no copy): see keepUnread.
export function writeFiles(pyodide, files) {
  const site = sitePackages(pyodide);
  const folders = new Set();
  for (const { path, bytes } of files) {
    const folder = `${site}/${path}`.replace(/\/[^/]*$/, "");
    if (!folders.has(folder)) pyodide.FS.mkdirTree(folder);
    folders.add(folder);
    pyodide.FS.writeFile(`${site}/${path}`, bytes, { canOwn: true });
  }
}

// The compiled modules (.so) and bytecode (.pyc) Python has imported, as paths in site-packages:
// it never reads them again (a module is imported once).
const IMPORTED_PY = `
import importlib.machinery, os, sys, sysconfig
site = sysconfig.get_path("purelib")
[os.path.relpath(spec.origin, site) for spec in (getattr(module, "__spec__", None) for module in list(sys.modules.values()))
 if spec and spec.origin and isinstance(spec.loader, (importlib.machinery.SourcelessFileLoader,
                                                      importlib.machinery.ExtensionFileLoader))]`;

// Once Python has imported what it starts with, lets go of an image's buffer (the files written
// from it, PATHS in site-packages, are views of it): the files of modules it imported are emptied,
// the others (modules it may import later, data files) copied out. The page holds 15 MB less, the
// training worker 5 (bench/RESULTS.md). A module imported again after being dropped from
// sys.modules would fail loudly (an empty .pyc). Done a few ms at a time, between the frames of a
// page that may be training (all at once: a 75 ms pause).
export async function keepUnread(pyodide, paths) {
  const imported = new Set(pyodide.runPython(IMPORTED_PY).toJs());
  const site = sitePackages(pyodide);
  let pause = performance.now() + SLICE_MS;
  for (const path of paths) {
    if (performance.now() > pause) {
      await new Promise((resolve) => setTimeout(resolve));
      pause = performance.now() + SLICE_MS;
    }
    const full = `${site}/${path}`;
    if (!pyodide.FS.analyzePath(full).exists) continue; // removed since
    if (imported.has(path)) pyodide.FS.truncate(full, 0);
    else pyodide.FS.writeFile(full, pyodide.FS.readFile(full), { canOwn: true });
  }
}

const SLICE_MS = 4; // keepUnread's work between two yields to the page
