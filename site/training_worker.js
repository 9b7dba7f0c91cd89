// The training worker: a second Python (Pyodide) on another core, which trains while the
// page's Python draws. It loads numpy (from the page's own image of it, already in the
// browser's cache), param and this site's own package (not Panel and the rest: training
// needs none of them), then answers each request, a pickle made by
// playground/worker/protocol.py, with its reply (playground/worker/worker.py). The page
// starts it once it is ready.
import { imageFiles, keepUnread, writeFiles } from "./site_image.js";

let train;

async function fetchBytes(url, init) {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

async function boot({ pyodide, indexURL, lockFileURL, packages, wheel, numpy }) {
  const { loadPyodide } = await import(pyodide);
  const [python, image, ours] = await Promise.all([
    loadPyodide({ indexURL, lockFileURL, packages }),
    fetchBytes(numpy.file, { integrity: numpy.integrity }),
    fetchBytes(wheel),
  ]);
  const numpyFiles = imageFiles(image);
  writeFiles(python, numpyFiles); // its libraries load as numpy imports them
  python.unpackArchive(ours, "wheel");
  self.playground = { pyodide: python }; // for tests and benchmarks, as the page's window.playground.pyodide
  const handle = python.runPython(
    "from playground.worker.worker import Worker\nworker = Worker()\nlambda request: worker.handle(request.to_bytes())");
  await keepUnread(python, numpyFiles.map(({ path }) => path)); // it has imported numpy
  train = (request) => {
    const reply = handle(request);
    try {
      return reply.toJs();
    } finally {
      reply.destroy();
    }
  };
}

self.onmessage = async ({ data }) => {
  if (data.boot) {
    try {
      await boot(data.boot);
      self.postMessage({ ready: true });
    } catch (error) {
      self.postMessage({ failed: String(error) });
    }
    return;
  }
  try {
    const reply = train(data.request);
    self.postMessage({ id: data.id, reply }, [reply.buffer]);
  } catch (error) {
    self.postMessage({ id: data.id, failed: String(error) });
  }
};
