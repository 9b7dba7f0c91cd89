"""The training worker: a second Python, in a Web Worker on another core, trains while the page draws.

``protocol``: what crosses, the requests and the replies; ``worker``: the worker's side,
which site/training_worker.js runs (numpy, param and this package only: no Panel);
``client``: the page's side, which asks for a frame of training and takes its reply.
Nothing here but ``client`` needs a browser.
"""
