"""Drive the snapshot spike in headless Chromium (one browser, one context).

python run.py make [imports]        -> make + store a snapshot, print result
python run.py bench N [imports]     -> make once, then N x (normal warm, snapshot warm), alternating
"""
import json, sys, time
from pathlib import Path
sys.path.insert(0, "/work/main")
from playwright.sync_api import sync_playwright
from sitebuild import browser

WWW = Path("/tmp/snapshot-spike/www")

def wait_ready(page, timeout=180_000):
    page.wait_for_function("document.documentElement.dataset.state === 'ready' || document.documentElement.dataset.state === 'error' || window.snapResult", timeout=timeout)
    state = page.evaluate("document.documentElement.dataset.state")
    if state == "error":
        raise RuntimeError(page.evaluate("document.getElementById('screen-trace')?.textContent"))
    return page.evaluate("""() => { const t = window.playgroundTimings;
        return { interactive: t.interactive && t.interactive - t.start,
                 marks: t.marks.map(([k, v]) => [k, Math.round(v - t.start)]) }; }""")

def make(ctx, base, imports):
    page = ctx.new_page()
    logs = []
    page.on("console", lambda m: logs.append(m.text[:500]))
    t = time.time()
    page.goto(base + f"index.html?snap=make&imports={imports}")
    try:
        page.wait_for_function("window.snapResult || document.documentElement.dataset.state === 'error'", timeout=180_000)
    except Exception:
        print("\n".join(logs[-30:])); raise
    res = page.evaluate("window.snapResult")
    if not res:
        print("\n".join(logs[-30:]))
        print(json.dumps(page.evaluate("window.snapLog"))[:3000])
        raise RuntimeError(page.evaluate("document.getElementById('screen-trace')?.textContent"))
    res["wall_s"] = round(time.time() - t, 2)
    res["timings"] = page.evaluate("window.playgroundTimings.marks.map(([k,v]) => [k, Math.round(v - window.playgroundTimings.start)])")
    page.close()
    return res

def one(ctx, url, check=None):
    page = ctx.new_page()
    logs = []
    page.on("console", lambda m: logs.append(m.text[:300]))
    page.on("pageerror", lambda e: logs.append("PAGEERROR " + str(e)[:300]))
    page.goto(url)
    try:
        r = wait_ready(page)
    except Exception:
        print("\n".join(logs[-20:])); raise
    if check:
        r["check"] = page.evaluate(check)
    r["errors"] = [l for l in logs if "rror" in l][:5]
    page.close()
    return r

def main():
    mode = sys.argv[1]
    with sync_playwright() as p, browser.serving(WWW) as base:
        b = browser.launch(p)
        ctx = b.new_context(viewport={"width": 1280, "height": 900})
        if mode == "make":
            imports = sys.argv[2] if len(sys.argv) > 2 else "numpy,bokeh,panel,holoviews"
            print(json.dumps(make(ctx, base, imports), indent=1)[:6000])
        elif mode == "bench":
            n = int(sys.argv[2]); imports = sys.argv[3] if len(sys.argv) > 3 else "numpy,bokeh,panel,holoviews"
            first = one(ctx, base + "index.html")  # cold: fills the HTTP cache
            print("cold normal", first["interactive"])
            m = make(ctx, base, imports)
            print("make", json.dumps({k: v for k, v in m.items() if k != "snapLog"}))
            check = "(() => window.playgroundPyodide.runPython(`import sys, numpy; str((len(sys.modules), float(numpy.ones(3).sum()), 'playground.app' in sys.modules))`))()"
            res = {"normal": [], "snapshot": []}
            for i in range(n):
                order = ["normal", "snapshot"] if i % 2 == 0 else ["snapshot", "normal"]
                for kind in order:
                    url = base + ("index.html" if kind == "normal" else "index.html?snap=load")
                    r = one(ctx, url, check)
                    res[kind].append(r)
                    print(kind, r["interactive"] and round(r["interactive"]), r["marks"], r.get("check"), r["errors"])
            import statistics
            for kind, rs in res.items():
                print(kind, "median interactive", statistics.median(r["interactive"] for r in rs))
        b.close()

main()
