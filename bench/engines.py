"""Benchmark the built site in Firefox and WebKitGTK (Safari's engine): load, then play.

    python bench/engines.py [--dist dist] [--against OTHER_DIST] [--runs 3] [--engines firefox,webkit]

For each run and engine, opens the page in a fresh browser and prints the medians of:
interactive (the loader's "ready", from the page's start), the training worker ready,
then the default setup played: the epochs of its first second, and epochs and painted
frames a second over the next 8 (bench/site.py's sampler). The browsers are driven as
the smoke test drives them (sitebuild/firefox.py, sitebuild/webkit.py); Chromium's
figures come from bench/site.py. ``--against`` measures another build in the same runs,
alternating which goes first, since this machine's speed drifts from hour to hour.
"""
from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitebuild import browser, firefox, webkit  # noqa: E402

ENGINES = {"firefox": firefox, "webkit": webkit}
READY_TIMEOUT_S = 300


def chromium_bench():
    """bench/site.py, whose sampler of a playing page this shares (a script, not a package:
    its name would be the standard library's ``site``)."""
    spec = importlib.util.spec_from_file_location("bench_site", Path(__file__).with_name("site.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SAMPLER = chromium_bench()


def wait_for(page, body: str) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while not page.run(body):
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out: {body}")
        time.sleep(0.1)


def measure(engine, url: str) -> dict:
    """One fresh browser on ``url``: its load, then the default setup played."""
    with engine.launch() as page:
        page.open(url)
        wait_for(page, "return document.documentElement.dataset.state")
        interactive = page.run("return window.playground.timings.interactive") / 1000
        wait_for(page, "const w = window.playground.trainingWorker; return w.ready || w.failed")
        worker = page.run("return performance.now()") / 1000
        page.click("deep('button', '▶ Play')")
        time.sleep(1)
        first = int(page.run("return deep('.np-value').textContent").replace(",", ""))
        playing = page.run(f"return ({SAMPLER.SAMPLE_PLAYING_JS})({SAMPLER.PLAY_SECONDS})")
        return {"interactive_s": interactive, "worker_ready_s": worker, "epochs_first_s": first,
                "epochs_per_s": playing["epochs_per_s"], "painted_per_s": playing["painted_per_s"],
                "version": page.version}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--against", type=Path, help="another build, measured in the same runs")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--engines", default="firefox,webkit")
    args = parser.parse_args(argv)
    engines = args.engines.split(",")
    for name in engines:
        if ENGINES[name].missing():
            parser.error(f"{name}: {ENGINES[name].missing()}")
    builds = [args.dist] + ([args.against] if args.against else [])
    results = {(name, dist): [] for name in engines for dist in builds}
    for run in range(args.runs):
        order = builds if run % 2 == 0 else builds[::-1]
        for dist in order:
            with browser.serving(dist) as url:
                for name in engines:
                    results[name, dist].append(measure(ENGINES[name], url))
                    print(f"run {run + 1} {name} {dist}: {results[name, dist][-1]}", file=sys.stderr)
    print(f"median of {args.runs} runs (a fresh browser each; {SAMPLER.PLAY_SECONDS} s playing the default setup)")
    for (name, dist), rows in results.items():
        cells = ", ".join(f"{key} {statistics.median(row[key] for row in rows):.1f}" for key in rows[0]
                          if key != "version")
        print(f"  {name} {rows[0]['version']:10s} {dist}: {cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
