"""Runs in the page (Pyodide, main thread) once the packages are installed.

Mirrors what `panel convert` generates (init_doc, import the app, write_doc): an app
module that calls .servable() when `pn.state.served` is served as it is; otherwise its
create_app() is. It renders into the page's own <div id="app">: write_doc pairs the
document's roots, in order, with the elements carrying data-root-id sorted by that
attribute, so each root gets an element numbered in document order.

The loader has run the heavy imports already (or restored them from a snapshot). Each
step here awaits set_stage, which lets the browser paint the progress bar. Errors raised
later in Panel callbacks or asyncio tasks (training frames) would only reach the console;
they are passed to the page instead.
PANEL_CDN_ROOT is already in os.environ (passed to loadPyodide) so Panel's stylesheets
come from this site. APP_MODULE and set_stage are globals set by loader.js.
"""
# ruff: noqa: F821, F704  (globals come from loader.js; Pyodide allows top-level await)
import asyncio
import importlib
import traceback

import js


async def _boot():
    import panel as pn
    from panel.io.pyodide import init_doc, write_doc
    from panel.io.state import state

    _report_errors_to_page(pn)
    init_doc()
    await set_stage("loader.building")
    module = importlib.import_module(APP_MODULE)
    if not state.curdoc.roots:  # the module did not serve itself on import
        module.create_app().servable()
    _root_elements(state.curdoc)
    await set_stage("loader.drawing")
    await write_doc()
    await set_stage("loader.ready")


def _report_errors_to_page(pn):
    """Show callback errors on the page: Panel's handler, then the event loop's."""
    def report(exception):
        js.playground.pythonError("".join(traceback.format_exception(exception)))

    def report_from_loop(loop, context):
        exception = context.get("exception")
        if exception is None:
            js.playground.pythonError(context.get("message", "Unhandled error in the event loop"))
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
