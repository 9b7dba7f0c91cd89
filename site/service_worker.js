// The service worker: keeps this build of the site in Cache Storage and serves it from there,
// so every visit after the first works without the network (the school's Wi-Fi dropped) and
// downloads nothing. The build writes BUILD above this (sitebuild/offline.py): its version
// and every file a visit may fetch, with its sha256 (as Subresource Integrity).
//
// - Install: each file goes into this build's own cache, playground-offline-<version>: from an
//   earlier build's cache when its bytes are the same, else downloaded, checked against its
//   sha256 (the browser's HTTP cache usually has it from the visit that registered this worker).
//   A file of any other build fails the check, and with it the install: the cache never mixes
//   two builds. An install cut short leaves what it kept for the next attempt.
// - Waiting: while a page of the previous build is open, this one waits (the page offers a
//   reload: site/offline.js), so an open page never gets another build's files.
// - Activate: the previous builds' caches go; the start-up snapshot's cache
//   (site/startup_snapshot.js) is not this worker's and stays.
// - Fetch: a kept file is answered from the cache, with its type (application/wasm for the
//   runtime) and, for a Range, the range; anything else (the classroom's /join page) goes
//   to the network, as without this worker.
// Workers (the downloads', the training one) fetch through this worker too: their page's.

const PREFIX = "playground-offline-";
const CACHE = PREFIX + BUILD.version;
const SCOPE = new URL("./", self.location.href).href;
const INTEGRITY_HEADER = "X-Playground-Integrity"; // on each kept response: which bytes it holds
const PARALLEL = 4; // downloads at once while installing
const urlOf = (path) => new URL(path, SCOPE).href;
const INTEGRITY = new Map(Object.entries(BUILD.files).map(([path, integrity]) => [urlOf(path), integrity]));

self.addEventListener("install", (event) => event.waitUntil(keepAll()));
self.addEventListener("activate", (event) => event.waitUntil(dropOtherBuilds()));
self.addEventListener("message", (event) => {
  if (event.data === "activate") self.skipWaiting(); // the student chose to reload
});
self.addEventListener("fetch", (event) => {
  const url = keptUrl(event.request);
  if (url) event.respondWith(fromCache(event.request, url));
});

async function keepAll() {
  const cache = await caches.open(CACHE);
  const queue = [...INTEGRITY];
  const lane = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await keep(cache, ...next);
  };
  await Promise.all(Array.from({ length: PARALLEL }, lane));
}

async function keep(cache, url, integrity) {
  if (await cache.match(url)) return; // kept by an earlier attempt at this install
  await cache.put(url, (await earlierCopy(url, integrity)) ?? (await download(url, integrity)));
}

// The same file with the same bytes, from an earlier build's cache: an update downloads only what changed.
async function earlierCopy(url, integrity) {
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const found = await (await caches.open(name)).match(url);
    if (found?.headers.get(INTEGRITY_HEADER) === integrity) return found;
  }
  return null;
}

async function download(url, integrity) {
  // no-cache: the HTTP cache may answer only after the server confirms the bytes are current.
  const response = await fetch(url, { cache: "no-cache" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  // A blob's bytes stay with the browser; fetch's own integrity check would buffer them here.
  const body = await response.blob();
  if ((await integrityOf(body)) !== integrity) throw new Error(`${url}: not this build's file (its sha256 differs)`);
  // Kept as the page will want it: its type, its decoded bytes and their length; not the
  // server's encoding and caching headers, which described the bytes on the wire.
  return new Response(body, { headers: {
    "Content-Type": response.headers.get("Content-Type") ?? "application/octet-stream",
    "Content-Length": String(body.size),
    [INTEGRITY_HEADER]: integrity,
  } });
}

// A blob's sha256 as Subresource Integrity writes it. Its bytes are read, then let go at once:
// this worker runs in the page's process, where a garbage copy would wait for a collection that
// an idle worker may not make before it is stopped.
async function integrityOf(blob) {
  const bytes = await blob.arrayBuffer();
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  bytes.transfer?.(0);
  return "sha256-" + btoa(String.fromCharCode(...digest));
}

async function dropOtherBuilds() {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
}

// The kept file a request asks for, or null. A page's address may carry a query (and a
// fragment, which playground links use); the folder's address is its index.html.
function keptUrl(request) {
  if (request.method !== "GET") return null;
  const url = new URL(request.url);
  url.hash = "";
  if (request.mode === "navigate") url.search = "";
  const href = url.href === SCOPE ? urlOf("index.html") : url.href;
  return INTEGRITY.has(href) ? href : null;
}

async function fromCache(request, url) {
  const kept = await (await caches.open(CACHE)).match(url);
  if (!kept) return fetch(request); // the browser dropped it: as without this worker
  const range = request.headers.get("Range");
  return range ? part(kept, range) : kept;
}

// A Range request (a resumed download, a media element), answered as sitebuild/serve.py
// does: one range of bytes; a form it does not serve gets the whole file, which HTTP allows.
async function part(kept, range) {
  const body = await kept.blob();
  const headers = new Headers(kept.headers);
  const wanted = byteRange(range, body.size);
  if (wanted === "whole") return new Response(body, { headers });
  if (wanted === "none") {
    headers.set("Content-Range", `bytes */${body.size}`);
    headers.set("Content-Length", "0");
    return new Response(null, { status: 416, headers });
  }
  const [first, last] = wanted;
  headers.set("Content-Range", `bytes ${first}-${last}/${body.size}`);
  headers.set("Content-Length", String(last - first + 1));
  return new Response(body.slice(first, last + 1), { status: 206, headers });
}

// [first, last] byte of a SIZE-byte body that a Range header asks for; "whole" for a form not
// served, "none" when it asks for no byte the body has.
function byteRange(header, size) {
  const found = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!found || found[1] + found[2] === "") return "whole";
  const [first, last] = [found[1], found[2]];
  if (first === "") { // bytes=-N: the last N bytes
    return Number(last) === 0 || size === 0 ? "none" : [Math.max(0, size - Number(last)), size - 1];
  }
  if (last !== "" && Number(last) < Number(first)) return "whole";
  if (Number(first) >= size) return "none";
  return [Number(first), last === "" ? size - 1 : Math.min(Number(last), size - 1)];
}
