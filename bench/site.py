"""Benchmark the built site in headless Chromium: paint, interactive and its phases, bytes.

    python bench/site.py [--dist dist] [--runs 3] [--against OTHER_DIST] [--no-play] [--throttle 4]
                         [--bandwidth 20] [--train-seconds 60]

Serves dist/ on 127.0.0.1 and, for each run, opens the page in a fresh profile (cold:
empty HTTP cache) and reloads it in the same profile (warm: once the cold visit's service
worker has kept the site, for a build with one, so from its cache). Prints the median of:
first contentful paint, interactive (the loader's "ready") and the phases it is made
of (page and JS start, runtime and wheels, each step of boot.py), and the bytes the page
and its image worker received (response bodies as sent: the build's brotli copies,
sitebuild/serve.py; not the training worker's wheels, fetched once the page is ready).
After the cold load: how long after "ready" the service worker had kept the site for
offline use, and the bytes it downloaded for that (most come from the HTTP cache).
Then plays each configuration (three are the default with a view inside the network opened by its
button, the step-through with a point chosen: beside "default", what each costs; one has three
classes), and reads the memory of a tab training the heaviest one (spiral
6×8, every input), on a return visit and on a first one (a fresh profile),
once ready and after a minute (``--train-seconds``), in a Chromium that no DevTools client
asks for network events (bench/quiet_chromium.py): its renderer's RSS and PSS
(Chromium runs the training worker in the tab's process), each Python's wasm memory (the page's
and the worker's) and the page's JS heap; then what the page's JavaScript allocates a second as it trains on (garbage
included). ``--throttle 4`` slows the loading page's CPU 4x
(Chromium's CPU throttling), as a classroom Chromebook; ``--bandwidth 20`` sends every
response through one shared 20 Mbit/s line (sitebuild/serve.py's Uplink), as a school's
connection. (Chromium's own network emulation throttles a worker's requests apart from
the page's, so it is not used.)

The machine's speed drifts (up to 2x from hour to hour), so a change is judged with
``--against``: another build (e.g. the last commit's, from a git worktree) measured
in the same runs, alternating with this one (each run swaps which goes first), and
printed beside it.
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import quiet_chromium  # noqa: E402  (bench/, beside this script)
from sitebuild import browser, manifest  # noqa: E402

READY_TIMEOUT_MS = 120_000


def load(page, url: str | None, profile: str) -> dict:
    """Navigate (or reload when url is None) and measure until the app is ready."""
    finished = []

    def count(request):
        if not request.url.endswith(".whl"):  # the training worker's, which starts at ready
            finished.append(request)

    page.on("requestfinished", count)  # the page's requests and its image worker's
    if url:
        page.goto(url)
    else:
        page.reload()
    page.wait_for_function("document.documentElement.dataset.state", timeout=READY_TIMEOUT_MS)
    state = page.evaluate("document.documentElement.dataset.state")
    if state != "ready":
        raise RuntimeError(f"page ended in state {state}: {page.inner_text('#screen')}")
    fcp = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]?.startTime")
    page.wait_for_timeout(300)  # let late responses finish so their bytes are counted
    page.remove_listener("requestfinished", count)
    mb = sum(request.sizes()["responseBodySize"] for request in finished) / 1e6
    figures = {"fcp_s": fcp / 1000, **phases(page.evaluate(PHASES_JS)), "mb": mb}
    for last in ("interactive_s", "restored", "wasm_memory_mb", "js_heap_mb"):  # after the phases
        figures[last] = figures.pop(last)
    figures["renderer_rss_mb"] = renderer_mb(profile)[0]
    return figures


# The page's one object (playground/page/__init__.py); a build from before it had its members as
# globals of their own (window.playgroundTimings, ...), which --against may be measuring.
PAGE_JS = ("(window.playground ?? {timings: window.playgroundTimings, pyodide: window.playgroundPyodide,"
           " trainingWorker: window.playgroundTrainingWorker})")

# Seconds from "ready" until the service worker that site/offline.js registers then is active, its
# copy of the site complete; null for a build without one (it registers within moments of "ready").
OFFLINE_KEPT_JS = """async () => {
  const registration = async () => navigator.serviceWorker && navigator.serviceWorker.getRegistration();
  for (let tries = 0; tries < 40 && !(await registration()); tries++) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!(await registration())) return null;
  const worker = (await navigator.serviceWorker.ready).active;
  while (worker.state === "activating") await new Promise((resolve) => worker.addEventListener("statechange", resolve));
  return (performance.now() - PAGE.timings.interactive) / 1000;
}""".replace("PAGE", PAGE_JS)


def kept_offline(page, downloads: list) -> dict:
    """When a first visit's offline copy was complete, and the megabytes its service worker
    downloaded (DOWNLOADS: its finished requests); nothing for a build without one."""
    seconds = page.evaluate(OFFLINE_KEPT_JS)
    if seconds is None:
        return {}
    return {"offline_kept_s": seconds, "offline_mb": sum(r.sizes()["responseBodySize"] for r in downloads) / 1e6}


def renderer_mb(profile: str) -> tuple[float, float]:
    """The resident and proportional sizes (RSS, PSS) in MB of the largest renderer process of the
    Chromium using ``profile`` (the tab: Chromium runs a page's dedicated workers in its process),
    from /proc/PID/smaps_rollup (Linux; 0 elsewhere)."""
    best = (0, 0)
    marker = re.compile(rb"--user-data-dir=" + re.escape(profile.encode()) + rb"[\s\0]")
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            arguments = cmdline.read_bytes() + b"\0"  # a renderer's are one string, spaced (Chromium rewrites them)
            if b"--type=renderer" in arguments and marker.search(arguments):
                rollup = (cmdline.parent / "smaps_rollup").read_text().splitlines()[1:]
                sizes = {line.split(":")[0]: int(line.split()[1]) for line in rollup}
                best = max(best, (sizes["Rss"], sizes["Pss"]))
        except (OSError, KeyError, ValueError):  # the process ended meanwhile
            continue
    return best[0] / 1e3, best[1] / 1e3


# Where the time goes: the loader's marks (each phase's end, in order; older builds have
# none), and when the wasm and the last package (a wheel, or the site-packages image) had
# arrived (resource timing), in ms; and the
# memory the page holds once ready.
PHASES_JS = """() => {
  const page = PAGE;
  const {start, marks = [], interactive} = page.timings;
  const arrived = (test) => Math.max(0, ...performance.getEntriesByType('resource')
    .filter(entry => test(entry.name)).map(entry => entry.responseEnd));
  return {start, marks, interactive, python: page.timings.python, wasm: arrived(name => name.endsWith('.wasm')),
          packages: arrived(name => name.endsWith('.whl') || name.includes('.img')),
          wasm_memory: page.pyodide?._module?.HEAPU8?.length ?? 0,
          js_heap: performance.memory?.usedJSHeapSize ?? 0};
}""".replace("PAGE", PAGE_JS)


def phases(timings: dict) -> dict:
    """Seconds per phase: page and JS start, then each phase the loader marked."""
    out = {"js_start_s": timings["start"] / 1000, "wasm_at_s": timings["wasm"] / 1000,
           "packages_at_s": timings["packages"] / 1000}
    last = timings["start"]
    for phase, at in timings["marks"]:
        out[phase.replace(" ", "_") + "_s"] = (at - last) / 1000
        last = at
    out["interactive_s"] = timings["interactive"] / 1000
    out["restored"] = float(timings.get("python") == "restored")  # from the start-up snapshot
    # The page's memory at ready: Python's wasm memory and the JS heap (BokehJS, the views).
    out["wasm_memory_mb"] = timings["wasm_memory"] / 1e6
    out["js_heap_mb"] = timings["js_heap"] / 1e6
    return out


#: Configurations played, as link fragments (docs/measurements.md has TF Playground's figures).
PLAYING = {
    "default": "",
    "spiral 2x8 tanh batch 10": "#dataset=spiral&networkShape=8,8",
    "spiral 6x8 all inputs": "#dataset=spiral&networkShape=8,8,8,8,8,8&" + "&".join(
        f"{key}=true" for key in ("x", "y", "xSquared", "ySquared", "xTimesY", "sinX", "sinY", "cosX", "cosY")),
    "default + gradient flow": "",
    "default + hidden space": "",
    "default + one point step by step": "",
    "blobs 3 classes 8,8": "#dataset=blobs&classes=3&networkShape=8,8",
}
#: The views inside the network a configuration plays with open (their buttons clicked once ready), and the
#: buttons then pressed in them (by name).
OPENED = {"default + gradient flow": ("gradientFlow",), "default + hidden space": ("hiddenSpace",),
          "default + one point step by step": ("stepThrough",)}
PRESSED = {"default + one point step by step": ("Next point",)}
VIEW_BUILT_MS = 2000
"""Time given a view after its button's click to import its code and be drawn, before playing."""
PLAY_SECONDS = 8

# Counts redraws with a MutationObserver on the epoch counter's shadow root (Panel
# renders each pane in its own), and epochs from the counter's first and last value.
# A redraw the browser never paints is not seen: painted_per_s counts the animation
# frames (the browser's paints) that show a new epoch, what a user sees move; frame_p95_ms
# and frame_max_ms are the gaps between those frames (a stutter is a long one).
DEEP_FIND_JS = """const find = (root, test) => {
    for (const node of root.querySelectorAll('*')) {
      if (test(node)) return node;
      if (node.shadowRoot) { const inner = find(node.shadowRoot, test); if (inner) return inner; }
    }
    return null;
  };"""
SAMPLE_PLAYING_JS = """async (seconds) => {
  """ + DEEP_FIND_JS + """
  const root = find(document, node => node.matches('.np-value')).getRootNode();
  const read = () => Number(root.querySelector('.np-value').textContent.replace(/,/g, ''));
  let redraws = 0, painted = 0, running = true, shown = read(), lastPainted = null;
  const gaps = [];
  const observer = new MutationObserver(() => { redraws += 1; });
  const onFrame = (time) => {
    const now = read();
    if (now !== shown) {
      painted += 1; shown = now;
      if (lastPainted !== null) gaps.push(time - lastPainted);
      lastPainted = time;
    }
    if (running) requestAnimationFrame(onFrame);
  };
  const first = shown, start = performance.now();
  observer.observe(root, {subtree: true, childList: true, characterData: true});
  requestAnimationFrame(onFrame);
  await new Promise(resolve => setTimeout(resolve, seconds * 1000));
  running = false;
  observer.disconnect();
  const elapsed = (performance.now() - start) / 1000;
  gaps.sort((a, b) => a - b);
  return {epochs_per_s: (read() - first) / elapsed, redraws_per_s: redraws / elapsed, painted_per_s: painted / elapsed,
          frame_p95_ms: gaps[Math.floor(0.95 * (gaps.length - 1))], frame_max_ms: gaps[gaps.length - 1]};
}"""


# True once the page is ready and its training worker has started (or failed). The worker boots after
# "ready" (a few seconds); until then the page trains itself. (A build from before the worker has none.)
READY_TO_TRAIN_JS = (f"document.documentElement.dataset.state === 'ready'"
                     f" && (worker => !worker || worker.ready || !!worker.failed)({PAGE_JS}.trainingWorker)")


def ready_to_train(context, url: str):
    """A new tab on ``url``, once the app is ready and its training worker has started (or failed)."""
    page = context.new_page()
    page.goto(url)
    page.wait_for_function(READY_TO_TRAIN_JS, timeout=READY_TIMEOUT_MS)
    return page


def measure_playing(context, url: str, opened: tuple[str, ...] = (), pressed: tuple[str, ...] = ()) -> dict:
    """Epochs and redraws per second while playing the page at ``url`` (a new tab) with the views inside the
    network ``opened`` and then the buttons named ``pressed``; nothing for a build without them."""
    page = ready_to_train(context, url)
    for key in opened:
        toggle = page.locator(f".np-inside-{key} button")
        if not toggle.count():
            page.close()
            return {}
        toggle.click()
    if opened:
        page.wait_for_timeout(VIEW_BUILT_MS)
    for name in pressed:
        page.get_by_role("button", name=name).click()
    page.get_by_role("button", name="▶ Play").click()
    page.wait_for_timeout(1000)  # past the first frames' warm-up
    figures = page.evaluate(SAMPLE_PLAYING_JS, PLAY_SECONDS)
    figures["pause_click_ms"] = page.evaluate(PAUSE_LATENCY_JS)
    page.close()
    return figures


MEMORY_SETUP = "spiral 6x8 all inputs"
TRAIN_SECONDS = 60

# Python's wasm memory in the page and in its training worker (site/training_worker.js, which
# hangs its Pyodide on self.playground for this; 0 for a build without one), in bytes.
PAGE_WASM_JS = f"(({PAGE_JS}).pyodide?._module?.HEAPU8?.length ?? 0)"
WORKER_WASM_JS = "(self.playground?.pyodide?._module?.HEAPU8?.length ?? 0)"


def memory_now(tab, profile: str) -> dict:
    """The tab's memory now: its renderer's RSS and PSS, both Pythons' wasm memory, the page's JS heap."""
    rss, pss = renderer_mb(profile)
    heap = {metric["name"]: metric["value"] for metric in tab.send("Performance.getMetrics")["metrics"]}
    worker = tab.worker("training_worker")
    return {"rss_mb": rss, "pss_mb": pss, "page_wasm_mb": tab.evaluate(PAGE_WASM_JS) / 1e6,
            "worker_wasm_mb": tab.evaluate(WORKER_WASM_JS, worker) / 1e6 if worker else 0.0,
            "js_heap_used_mb": heap["JSHeapUsedSize"] / 1e6, "js_heap_mb": heap["JSHeapTotalSize"] / 1e6}


# The two tabs whose memory is read: a return visit (its snapshot restored, the site served by the
# service worker) and a first visit (Python started from its imports, the service worker keeping the site).
MEMORY_VISITS = ("memory, return visit", "memory, first visit")

# Seconds of training over which the page's JavaScript allocations are sampled, after the memory is read
# (the sampling profiler's own records would count in it).
ALLOCATION_SECONDS = 10


def js_allocated_mb_per_s(tab, seconds: float) -> float:
    """What the page's JavaScript allocates a second, garbage included (V8's sampling heap profiler).
    V8 grows the young generation of its heap with this rate: each megabyte is work for its collector."""
    tab.send("HeapProfiler.enable")
    tab.send("HeapProfiler.startSampling", {"samplingInterval": 32768, "includeObjectsCollectedByMajorGC": True,
                                            "includeObjectsCollectedByMinorGC": True})
    time.sleep(seconds)
    nodes, allocated = [tab.send("HeapProfiler.stopSampling")["profile"]["head"]], 0
    while nodes:
        node = nodes.pop()
        allocated += node["selfSize"]
        nodes.extend(node.get("children", []))
    return allocated / 1e6 / seconds


# Presses the app's Play button (found through the shadow roots), as a student's click does.
PRESS_PLAY_JS = "(() => {" + DEEP_FIND_JS + """
  find(document, node => node.tagName === 'BUTTON' && node.textContent.includes('▶ Play')).click();
})()"""


def wait_until_ready(tab) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        try:
            if tab.evaluate(READY_TO_TRAIN_JS):
                return
        except RuntimeError:  # the page is still on its way (no playground yet, or a navigation)
            pass
        time.sleep(0.2)
    raise TimeoutError("the page was not ready to train in time")


def measure_memory(profile: str, url: str, seconds: float) -> dict:
    """The memory of a tab on PROFILE once ready with its training worker, then after ``seconds`` of
    training, and what its JavaScript allocates a second while it trains on: in a Chromium that no
    DevTools client asks for network events, which would make it keep every response body
    (bench/quiet_chromium.py)."""
    with quiet_chromium.tab(profile, url) as tab:
        wait_until_ready(tab)
        tab.send("Performance.enable")
        time.sleep(2)  # the worker's first moments settled
        figures = {f"ready_{key}": value for key, value in memory_now(tab, profile).items()}
        tab.evaluate(PRESS_PLAY_JS)
        time.sleep(seconds)
        figures.update({f"trained_{key}": value for key, value in memory_now(tab, profile).items()})
        figures["js_allocated_mb_per_s"] = js_allocated_mb_per_s(tab, ALLOCATION_SECONDS)
    return figures


# A click on Pause while training: milliseconds until the button shows "Play" again.
PAUSE_LATENCY_JS = """async () => {
  """ + DEEP_FIND_JS + """
  const button = label => find(document, node => node.tagName === 'BUTTON' && node.textContent.includes(label));
  const start = performance.now();
  button('Pause').click();
  while (!button('Play') && performance.now() - start < 10000) await new Promise(requestAnimationFrame);
  return performance.now() - start;
}"""


def measure_run(playwright, dist: Path, results: dict, play: bool, throttle: float, bandwidth: float | None,
                train_seconds: float) -> None:
    """One run on ``dist``: a cold and a warm load, each configuration played once, then the memory
    of a tab training the heaviest one for ``train_seconds``."""
    with browser.serving(dist, uplink_mbit=bandwidth) as url:
        # A persistent profile in a new temp dir: empty, but with a disk HTTP cache
        # (an incognito context's memory cache is too small to keep the wheels warm).
        with tempfile.TemporaryDirectory() as profile:
            context = browser.launch_profile(playwright, profile)
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            if throttle != 1:
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
            worker_downloads = []
            context.on("requestfinished", lambda request: request.service_worker and worker_downloads.append(request))
            results.setdefault("cold", []).append(load(page, url, profile))
            results["cold"][-1].update(kept_offline(page, worker_downloads))
            results.setdefault("warm", []).append(load(page, None, profile))
            for name, fragment in PLAYING.items() if play else ():
                figures = measure_playing(context, url + fragment, OPENED.get(name, ()), PRESSED.get(name, ()))
                if figures:
                    results.setdefault(name, []).append(figures)
            context.close()
            if play and train_seconds:  # the same profile: its snapshot and offline copy kept
                results.setdefault(MEMORY_VISITS[0], []).append(
                    measure_memory(profile, url + PLAYING[MEMORY_SETUP], train_seconds))
        if play and train_seconds:  # and a first visit's: no snapshot yet, the service worker installing
            with tempfile.TemporaryDirectory() as profile:
                results.setdefault(MEMORY_VISITS[1], []).append(
                    measure_memory(profile, url + PLAYING[MEMORY_SETUP], train_seconds))


def median(rows: list[dict], key: str) -> float | None:
    values = [row[key] for row in rows if key in row]
    return statistics.median(values) if values else None


def report(results: dict, runs: int, play: bool, train_seconds: float) -> None:
    """One table of the loads (phases as rows, each build's cold and warm as columns), then
    the configurations played, a line each, every build's figures beside each other."""
    what = f", then {PLAY_SECONDS} s playing each" if play else ""
    print(f"median of {runs} runs (fresh-profile loads{what}); seconds unless named")
    names = {dist: dist.name if len({d.name for d in results}) == len(results) else str(dist) for dist in results}
    columns = [(dist, load) for dist in results for load in ("cold", "warm")]
    keys = list(dict.fromkeys(key for dist, load in columns for row in results[dist].get(load, []) for key in row))
    print(f"  {'':26s}" + "".join(f"{f'{names[dist]} {load}':>16s}" for dist, load in columns))
    for key in keys:
        cells = (median(results[dist].get(load, []), key) for dist, load in columns)
        print(f"  {key:26s}" + "".join(f"{'—' if c is None else f'{c:.2f}':>16s}" for c in cells))
    for name in PLAYING if play else ():
        for dist in results:
            rows = results[dist].get(name)
            if not rows:
                continue
            cells = ", ".join(f"{key} {median(rows, key):.1f}" for key in rows[0])
            print(f"  {name:26s} {names[dist]}: {cells}")
    for visit, dist in ((visit, dist) for visit in MEMORY_VISITS for dist in results):
        if rows := results[dist].get(visit):
            figure = lambda key: f"{median(rows, 'ready_' + key):.0f} → {median(rows, 'trained_' + key):.0f}"  # noqa: E731
            print(f"  {visit}, MB ({MEMORY_SETUP}, ready → after {train_seconds:.0f} s of training) {names[dist]}: "
                  f"tab's renderer RSS {figure('rss_mb')}, PSS {figure('pss_mb')}; wasm: page {figure('page_wasm_mb')},"
                  f" worker {figure('worker_wasm_mb')}; page's JS heap used {figure('js_heap_used_mb')},"
                  f" allocated {figure('js_heap_mb')}; training, it allocates "
                  f"{median(rows, 'js_allocated_mb_per_s'):.0f} MB/s of JavaScript objects")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--against", type=Path, help="another build, measured in the same runs")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-play", dest="play", action="store_false", help="measure the loads only")
    parser.add_argument("--train-seconds", type=float, default=TRAIN_SECONDS,
                        help=f"seconds of training {MEMORY_SETUP} before its memory is read (0: no memory figure)")
    parser.add_argument("--throttle", type=float, default=1,
                        help="slow Chromium's CPU this many times (4: a classroom Chromebook)")
    parser.add_argument("--bandwidth", type=float,
                        help="serve through one line of this many Mbit/s (a school's connection)")
    args = parser.parse_args(argv)
    dists = [args.dist, *([args.against] if args.against else [])]
    for dist in dists:
        if manifest.check(dist):
            print(f"{dist} is not a valid build: run python build.py", file=sys.stderr)
            return 1
    from playwright.sync_api import Error, sync_playwright

    results = {dist: {} for dist in dists}
    crashes = {dist: 0 for dist in dists}
    with sync_playwright() as playwright:
        for run in range(args.runs):
            # Alternate which build goes first, so neither always meets the machine's same moment.
            for dist in dists if run % 2 == 0 else dists[::-1]:
                try:
                    measure_run(playwright, dist, results[dist], args.play, args.throttle, args.bandwidth,
                                args.train_seconds)
                except Error as error:  # a renderer crash is a figure too, not the end of the benchmark
                    if "crashed" not in str(error):
                        raise
                    crashes[dist] += 1
                    print(f"run {run + 1} of {dist}: the renderer crashed ({error.message.splitlines()[0]})",
                          file=sys.stderr)
                    continue
                print(f"run {run + 1} of {dist}: cold {results[dist]['cold'][-1]}", file=sys.stderr)
    report(results, args.runs, args.play, args.train_seconds)
    for dist, count in crashes.items():
        if count:
            print(f"  {dist.name}: the renderer crashed in {count} of {args.runs} runs (their figures left out)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
