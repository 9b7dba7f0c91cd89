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

export function writeFiles(pyodide, files) {
  const site = pyodide.runPython("import sysconfig; sysconfig.get_path('purelib')");
  const folders = new Set();
  for (const { path, bytes } of files) {
    const folder = `${site}/${path}`.replace(/\/[^/]*$/, "");
    if (!folders.has(folder)) pyodide.FS.mkdirTree(folder);
    folders.add(folder);
    pyodide.FS.writeFile(`${site}/${path}`, bytes, { canOwn: true });
  }
}
