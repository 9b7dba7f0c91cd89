"""Runs in the page (Pyodide, main thread) once the packages are installed.

Mirrors what `panel convert` generates (init_doc, import the app, write_doc): an app
module that calls .servable() when `pn.state.served` is served as it is; otherwise its
create_app() is. It renders into the page's own <div id="app">: write_doc pairs the
document's roots, in order, with the elements carrying data-root-id sorted by that
attribute, so each root gets an element numbered in document order.
PANEL_CDN_ROOT is already in os.environ (passed to loadPyodide) so Panel's stylesheets
come from this site. APP_MODULE and set_stage are globals set by loader.js.
"""
# ruff: noqa: F821, F704  (globals come from loader.js; Pyodide allows top-level await)
import asyncio
import importlib

import js


async def _boot():
    set_stage("Importing Panel…")
    await asyncio.sleep(0)  # let the browser paint the stage text
    from panel.io.pyodide import init_doc, write_doc
    from panel.io.state import state

    init_doc()
    set_stage("Building the app…")
    await asyncio.sleep(0)
    module = importlib.import_module(APP_MODULE)
    if not state.curdoc.roots:  # the module did not serve itself on import
        module.create_app().servable()
    _root_elements(state.curdoc)
    set_stage("Drawing…")
    await asyncio.sleep(0)
    await write_doc()


def _root_elements(doc):
    container = js.document.getElementById("app")
    for index, _root in enumerate(doc.roots):
        element = js.document.createElement("div")
        element.id = f"app-root-{index}"
        element.setAttribute("data-root-id", f"{index:03d}")
        container.appendChild(element)


await _boot()
