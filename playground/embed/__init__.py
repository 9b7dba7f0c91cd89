"""Embedding: what the playground promises a course page that puts it in an iframe.

``events``: what it tells the page around it; ``commands``: what that page may ask of it
(both through ``postMessage``, their JSON Schemas beside them, which the site ships in embed/, the seam to the browser
in ``playground.page.bridge``); ``snippet``: the embed link and the iframe snippet the
Share / Embed dialog writes. Nothing here needs a browser.
"""
