"""Where a frame of training goes in the page: the main thread's work, and what each plot repaints.

    python bench/frames.py [--dist dist] [--against OTHER_DIST] [--seconds 3] [--setup "spiral 6x8 all inputs"]

Plays a setup in headless Chromium and, over ``--seconds`` of training, prints per frame the
browser committed: the main thread's time by kind of work (a Chrome trace's top-level events:
BokehJS's paints run in animation frames; the page's Python, resumed by promises, shows as work
in no traced event; then commits, layout, style), and for each Bokeh plot how many times it painted each of its
canvas levels and which renderers asked for it ("all" when something invalidated the whole plot,
e.g. a range or a layout). The figures say where the next millisecond is, not how fast: compare
builds with ``--against`` (measured one after the other, alternating on repeated calls).
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engines import SAMPLER as SITE_BENCH  # noqa: E402  bench/site.py: its setups, its way to a page ready to train
from sitebuild import browser  # noqa: E402

# Wraps every Bokeh plot view's painting for ``seconds``: per plot, the levels painted and who
# invalidated them (a renderer's type and level, or "all").
PAINT_PROBE_JS = """async (seconds) => {
  const plots = [];
  const walk = (view) => {
    if (!view) return;
    if (view._paint_levels) plots.push(view);
    for (const child of (view.children ? view.children() : [])) walk(child);
  };
  for (const root of Object.values(Bokeh.index)) walk(root);
  const counts = plots.map(() => ({}));
  const add = (i, key) => { counts[i][key] = (counts[i][key] || 0) + 1; };
  plots.forEach((plot, i) => {
    const paintLevels = plot._paint_levels.bind(plot);
    plot._paint_levels = (ctx, level, ...rest) => { add(i, `painted ${level}`); return paintLevels(ctx, level, ...rest); };
    const invalidate = plot.invalidate_painters.bind(plot);
    plot.invalidate_painters = (...painters) => {
      if (!painters.length) add(i, "asked by all");
      for (const painter of painters) { const model = painter.model ?? painter; add(i, `asked by ${model.type}@${model.level}`); }
      return invalidate(...painters);
    };
  });
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  return plots.map((plot, i) => [plot.model.renderers.map((r) => r.glyph?.type ?? r.type).join("+"), counts[i]]);
}"""


def measure(playwright, dist: Path, fragment: str, seconds: float) -> tuple[dict, int, list]:
    """Main-thread milliseconds by event over ``seconds`` of Play, the frames committed, and the plots' probe."""
    with browser.serving(dist) as url:
        chromium = browser.launch(playwright)
        page = SITE_BENCH.ready_to_train(chromium.new_context(viewport={"width": 1400, "height": 900}), url + fragment)
        page.get_by_role("button", name="▶ Play").click()
        page.wait_for_timeout(1500)  # past the first frames' warm-up
        chromium.start_tracing(page=page, categories=["devtools.timeline", "disabled-by-default-devtools.timeline"])
        page.wait_for_timeout(seconds * 1000)
        events = json.loads(chromium.stop_tracing())["traceEvents"]
        plots = page.evaluate(PAINT_PROBE_JS, seconds)
        chromium.close()
    main_thread = collections.Counter(e["tid"] for e in events if e.get("name") == "FunctionCall").most_common(1)[0][0]
    spans = sorted(((e["ts"], -e.get("dur", 0), e["name"]) for e in events
                    if e.get("tid") == main_thread and e.get("ph") == "X"), key=lambda span: span[:2])
    return top_level(spans), sum(1 for *_, name in spans if name == "Commit"), plots


def top_level(spans: list) -> collections.Counter:
    """Milliseconds by kind of the main thread's tasks' direct work (trace events nest: an
    animation frame's callbacks are function calls too, so each is counted once, at the top)."""
    busy, open_spans = collections.Counter(), []
    for start, negative_duration, name in spans:
        while open_spans and open_spans[-1][0] <= start:
            open_spans.pop()
        parent = open_spans[-1][1] if open_spans else None
        if name == "RunTask" and parent is None:
            busy["RunTask"] += -negative_duration / 1000
        elif parent == "RunTask" and len(open_spans) == 1:
            busy[name] += -negative_duration / 1000
        open_spans.append((start - negative_duration, name))
    busy["in no traced event (Python resumed by a promise, …)"] = busy["RunTask"] - sum(
        ms for name, ms in busy.items() if name != "RunTask")
    return busy


def report(dist: Path, busy: dict, frames: int, plots: list, seconds: float) -> None:
    print(f"{dist}: {frames} frames committed in {seconds:g} s; main thread busy {busy['RunTask']:.0f} ms"
          f" ({busy['RunTask'] / (seconds * 10):.0f} %); ms a frame:")
    work = [(name, ms) for name, ms in busy.most_common() if name != "RunTask"][:9]
    print("  " + ", ".join(f"{name} {ms / max(frames, 1):.1f}" for name, ms in work))
    for glyphs, counts in plots:
        print(f"  plot {glyphs}: " + ", ".join(f"{key} {count}" for key, count in sorted(counts.items())))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--against", type=Path, help="another build, measured right after this one")
    parser.add_argument("--seconds", type=float, default=3)
    parser.add_argument("--setup", choices=SITE_BENCH.PLAYING, default="default")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        for dist in [args.dist, *([args.against] if args.against else [])]:
            report(dist, *measure(playwright, dist, SITE_BENCH.PLAYING[args.setup], args.seconds), args.seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
