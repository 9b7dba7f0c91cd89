"""Runs in the page (Pyodide, main thread) once the packages are installed.

Mirrors what `panel convert` generates (init_doc, import the app, write_doc): an app
module that calls .servable() when `pn.state.served` is served as it is; otherwise its
create_app() is. It renders into the page's own <div id="app">: write_doc pairs the
document's roots, in order, with the elements carrying data-root-id sorted by that
attribute, so each root gets an element numbered in document order.

The heavy imports run one step at a time (the app would import them anyway) so the
progress bar moves between them: Python blocks the page while it imports, and only an
await lets the browser paint. Errors raised later in Panel callbacks or asyncio tasks
(training frames) would only reach the console; they are passed to the page instead.
PANEL_CDN_ROOT is already in os.environ (passed to loadPyodide) so Panel's stylesheets
come from this site. APP_MODULE and set_stage are globals set by loader.js.
"""
# ruff: noqa: F821, F704  (globals come from loader.js; Pyodide allows top-level await)
import asyncio
import importlib
import importlib.util
import traceback

import js

# Stages are named by catalog keys: loader.js says them in the page's language.
IMPORTS = [("loader.importing_numpy", ["numpy"]),
           ("loader.importing_bokeh", ["bokeh", "panel"]),
           ("loader.importing_holoviews", ["holoviews"])]


async def _boot():
    total = len(IMPORTS) + 3
    for done, (text, modules) in enumerate(IMPORTS):
        await set_stage(text, done, total)
        for module in modules:
            if importlib.util.find_spec(module):  # a stand-in app may not ship it
                importlib.import_module(module)
    import panel as pn
    from panel.io.pyodide import init_doc, write_doc
    from panel.io.state import state

    _report_errors_to_page(pn)
    init_doc()
    await set_stage("loader.building", len(IMPORTS), total)
    module = importlib.import_module(APP_MODULE)
    if not state.curdoc.roots:  # the module did not serve itself on import
        module.create_app().servable()
    _root_elements(state.curdoc)
    await set_stage("loader.drawing", len(IMPORTS) + 1, total)
    await write_doc()
    await set_stage("loader.ready", total, total)


def _report_errors_to_page(pn):
    """Show callback errors on the page: Panel's handler, then the event loop's."""
    def report(exception):
        js.playgroundPythonError("".join(traceback.format_exception(exception)))

    def report_from_loop(loop, context):
        exception = context.get("exception")
        if exception is None:
            js.playgroundPythonError(context.get("message", "Unhandled error in the event loop"))
        else:
            report(exception)

    pn.config.exception_handler = report  # widget, event and scheduled callbacks
    asyncio.get_event_loop().set_exception_handler(report_from_loop)  # periodic callbacks


def _root_elements(doc):
    container = js.document.getElementById("app")
    for index, _root in enumerate(doc.roots):
        element = js.document.createElement("div")
        element.id = f"app-root-{index}"
        element.setAttribute("data-root-id", f"{index:03d}")
        container.appendChild(element)


await _boot()
