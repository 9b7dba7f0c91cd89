"""Every touch of the browser page the app runs in: its ``window``, through one seam.

Outside a page (``panel serve``, tests, the build's smoke test under Node)
``browser.page_window()`` is None, and each module here falls back to Panel's view of
the request, or to nothing. The page's JavaScript and Python meet only through one object,
``window.playground``, made empty by the first script of site/index.html's head; each
script adds its members. A new member is added to this list, with who sets it and who reads it.

``playground.linkValue(key)``
    set by site/index.html (head); read by site/index.html: ``embed`` and ``lang``
    before any module runs.
``playground.words``
    the page's own words, ``{language, choose, text(key, values), use(language)}``: set by
    site/index.html (head); read by site/loader.js, site/accessible_names.js, and
    ``language.show_page_language`` (``use``).
``playground.earlyPlay``
    true while the skeleton's Play button is pressed, before Python is ready: set by
    site/index.html (head); read by site/loader.js, which then presses the app's Play (``.np-play``).
``playground.screen(kind, detail)``, ``playground.missing(file)``
    the error screens: set by site/index.html (head); called by site/loader.js, and
    ``missing`` by the ``onerror`` of every script tag (site/index.html, sitebuild/page.py).
``playground.downloads``
    the download worker and its early messages: set by the head script that
    sitebuild/page.py writes (``preloads``); read by site/loader.js.
``playground.scriptsRan``
    a promise, resolved once the deferred scripts (BokehJS, Panel) ran: set by
    site/index.html; awaited by site/loader.js before boot.py draws.
``playground.timings``
    the loader's marks: set by site/loader.js; read by bench/site.py and tests/e2e.
``playground.pythonError(text)``
    set by site/loader.js; called by site/boot.py with the errors of Panel's callbacks
    and of the event loop.
``playground.nextPaint()``
    a promise of the next painted frame: set by site/loader.js; awaited by site/loader.js
    and ``browser.next_paint``.
``playground.pyodide``
    the page's Python, once ready: set by site/loader.js; read by bench/site.py and
    tests/e2e only.
``playground.trainingWorker``
    ``{ready, failed, advance(request), requests}``, once the page is ready: set by
    site/loader.js; read by ``browser.training_worker`` (for playground/worker/client.py:
    ``ready``, ``advance``), bench/site.py and tests/e2e.
``playground.embed``
    ``{framed, post(type, json), listen(handler, origins, shapes)}``: set by site/embed_bridge.js;
    read by ``bridge.connect``.
``playground.escapeCloses``
    the ids of the buttons Escape presses (the Share dialog's Close, the Export button), so each is
    listened for once: set and read by the script the Share and Export buttons run
    (playground/assets/escape_closes.js), which makes the object itself under ``panel serve``.

Not the page's: ``window.NeuralPlayground`` is set by site/embed.js in the course page
around an embed.

Beside those globals Python touches the address's fragment (``address``), the browser's
languages (``language``), ``localStorage`` (``storage``), key presses on the document
(``keyboard``), files dropped on the page (``file_drop``), the ``hide-text`` class of ``<html>`` (``browser.show_page_text``), and
Panel's patches to BokehJS (``one_patch``). Outside this folder, only site/boot.py (the
page's boot code: ``playground.pythonError``, the app's root elements) touches the page
from Python. Five small scripts (playground/assets/*.js) run in the page by BokehJS's hands:
the Share dialog's Copy, Escape closing the Share dialog and the Export menu
(playground/ui/share_dialog.py, export_menu.py), the views' hover report
(playground/views/live_source.py), the Export menu's pictures (playground/ui/export_menu.py:
save_picture.js draws the plots BokehJS shows into a PNG and has the browser save it), and a file
input forgetting a file once read (playground/ui/file_picker.py); the last two touch no member of
``window.playground``.
"""
