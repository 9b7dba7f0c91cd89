// Offline use: once the app is ready, registers the service worker (service_worker.js), which
// keeps this build of the site for the visits after this one, with or without the network;
// and tells the student when a newer build is ready to replace it (#update-notice), whose
// Reload lets it take over and reloads the page.
// Only after "ready", so a first visit's downloads have the line to themselves; the worker then
// copies what the page fetched mostly from the HTTP cache. Browsers give service workers only to
// secure contexts (https, or http on localhost): on a classroom's LAN over plain http there is
// none and the site runs as it always did, downloading on every visit.

const notice = document.getElementById("update-notice");

// The page's state (index.html and loader.js set it: "ready", or the screen shown), once it has one.
function settled() {
  const root = document.documentElement;
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => check());
    const check = () => {
      if (!root.dataset.state) return;
      observer.disconnect();
      resolve(root.dataset.state);
    };
    observer.observe(root, { attributes: true, attributeFilter: ["data-state"] });
    check();
  });
}

async function start() {
  const state = await settled();
  // A page that could not start registers nothing, but still hears of a newer build.
  const registration = state === "ready"
    ? await navigator.serviceWorker.register("service_worker.js")
    : await navigator.serviceWorker.getRegistration();
  if (registration) offerUpdates(registration);
}

// A newer build's worker waits (installed, its files kept) while this page runs the older one.
function offerUpdates(registration) {
  const offer = () => {
    // Without a controller this page is a first visit: the first worker takes no page over.
    if (registration.waiting && navigator.serviceWorker.controller) notice.hidden = false;
  };
  registration.addEventListener("updatefound", () => registration.installing?.addEventListener("statechange", offer));
  offer();
  document.getElementById("update-reload").addEventListener("click", () => {
    if (!registration.waiting) return location.reload(); // another tab has let it take over
    navigator.serviceWorker.addEventListener("controllerchange", () => location.reload());
    registration.waiting.postMessage("activate");
  });
}

if ("serviceWorker" in navigator) {
  start().catch((error) => console.warn(`This site is not kept for offline use: ${error.message ?? error}`));
}
