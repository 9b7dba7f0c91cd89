"""Build, check and serve Neural Playground's static site (`dist/`).

The site runs the `playground` Panel app in Pyodide with every byte self-hosted.
The pipeline, one module a step:

    lessons   check lessons/ first (the project's own `lessons check`), ship them as files
    pins      what we ship, pinned with sha256 (pins.toml)
    fetch     download-once cache, hash verification, npm/pip/HTTP clients
    runtime   the Pyodide runtime and its official lock, from the npm tarball
    binaries  official Pyodide wheels: --wheels dir, cache, CDN, PyPI redistributor
    pure      pure wheels from PyPI, sdist-built PyYAML/MarkupSafe, our own wheel
    slim      strip JS bundles, tests and examples from wheels; keep RECORD true
    bytecode  precompile wheels to CPython 3.14 bytecode in Pyodide under Node
    lock      the pruned pyodide-lock.json the page loads
    assets    BokehJS and Panel's CSS/JS served as plain files
    skeleton  the default data as an inline SVG for the first paint
    page      site/ templates filled with the boot configuration and the page's words
    manifest  dist/manifest.json, and `check`: hashes and no foreign hosts
    serve     local HTTP server with wasm MIME type, the compressed copies and cache headers
    precompress  brotli and gzip copies of every file that compresses, for the server
    pipeline  runs the steps in order
"""
