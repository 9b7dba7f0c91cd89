"""The training worker: a second Python, in a Web Worker on another core, trains while the page draws.

``protocol``: the requests and replies (pickles, both ends are this package) and the
worker's side, which site/training_worker.js runs; ``client``: the page's side, which asks
for a frame of training and takes its reply. Nothing here but ``client`` needs a browser.
"""
