"""The build's compressed copies and the local server that sends them."""
import gzip
import random
import socket
import struct
import threading
import time
import urllib.request

import brotli
import pytest

from sitebuild import manifest, precompress, serve


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.setenv("NEURAL_PLAYGROUND_CACHE", str(tmp_path / "cache"))
    dist = tmp_path / "dist"
    (dist / "pyodide").mkdir(parents=True)
    (dist / "pyodide" / "python_stdlib.zip").write_bytes(b"import os\n" * 5000)
    (dist / "app.js").write_bytes(b"console.log('hello');\n" * 200)
    (dist / "tiny.css").write_bytes(b"a{}")  # below SMALLEST: a request's headers outweigh any saving
    (dist / "noise.wasm").write_bytes(random.Random(0).randbytes(4096))  # does not shrink: no copy
    return dist


def test_each_copy_decodes_to_its_file_and_only_worthwhile_ones_are_kept(site):
    wire = precompress.write(precompress.candidates(site))
    copies = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if precompress.original(p))
    assert copies == ["app.js.br", "app.js.gz", "pyodide/python_stdlib.zip.br", "pyodide/python_stdlib.zip.gz"]
    stdlib = site / "pyodide" / "python_stdlib.zip"
    assert brotli.decompress(stdlib.with_name(stdlib.name + ".br").read_bytes()) == stdlib.read_bytes()
    assert gzip.decompress((site / "app.js.gz").read_bytes()) == (site / "app.js").read_bytes()
    assert wire[stdlib] == stdlib.with_name(stdlib.name + ".br").stat().st_size < stdlib.stat().st_size
    assert wire[site / "noise.wasm"] == (site / "noise.wasm").stat().st_size


def test_a_damaged_cache_entry_fails_the_build_instead_of_shipping(site):
    app = site / "app.js"
    precompress.write([app])
    for entry in (precompress.fetch.cache_dir() / "precompressed").glob("*.br"):
        entry.write_bytes(brotli.compress(b"something else"))
    with pytest.raises(RuntimeError, match="does not decode to app.js"):
        precompress.write([app])
    assert precompress.write([app])  # the bad entry was dropped: the next build makes it again


def test_check_reports_a_copy_that_does_not_match_its_file(site):
    precompress.write(precompress.candidates(site))
    manifest.write(site, set(), {})
    (site / "app.js.gz").write_bytes(gzip.compress(b"stale"))
    assert "changed: app.js.gz (sha256 differs from manifest)" in manifest.check(site)


@pytest.fixture
def server(site):
    precompress.write(precompress.candidates(site))
    httpd = serve.make_server(site)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def _get(url, accept):
    request = urllib.request.Request(url, headers={"Accept-Encoding": accept} if accept else {})
    with urllib.request.urlopen(request) as response:
        return response.headers.get("Content-Encoding"), response.headers["Content-Type"], response.read()


@pytest.mark.parametrize("accept, sent", [("gzip, deflate, br, zstd", "br"), ("gzip", "gzip"), ("", None)])
def test_the_server_sends_the_copy_the_browser_accepts(server, site, accept, sent):
    encoding, content_type, body = _get(server + "app.js", accept)
    assert (encoding, content_type) == (sent, "text/javascript")
    decode = {"br": brotli.decompress, "gzip": gzip.decompress, None: bytes}[sent]
    assert decode(body) == (site / "app.js").read_bytes()


def test_a_file_without_copies_is_sent_as_it_is(server, site):
    assert _get(server + "tiny.css", "br, gzip") == (None, "text/css", b"a{}")


def test_an_uplink_shares_its_rate_between_parallel_downloads(site):
    """bench/site.py --bandwidth: two downloads at once through one 8 Mbit/s line take as
    long as their bytes at that rate, at least (a lower bound holds on any machine)."""
    precompress.write(precompress.candidates(site))
    httpd = serve.make_server(site, uplink_mbit=8)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    files = ["pyodide/python_stdlib.zip"] * 2  # per connection, the pair would take half as long
    start = time.monotonic()
    threads = [threading.Thread(target=_get, args=(url + name, "")) for name in files]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - start
    httpd.shutdown()
    sent = sum((site / name).stat().st_size for name in files)
    assert elapsed >= 0.95 * sent / (8e6 / 8), (elapsed, sent)


def test_a_browser_dropping_a_download_is_not_reported_as_an_error(site, capsys):
    """A student reloading mid-load closes connections: `build.py serve` stays quiet."""
    precompress.write(precompress.candidates(site))
    httpd = serve.make_server(site, uplink_mbit=1)  # slow enough to still be sending
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    client = socket.create_connection(httpd.server_address)
    client.sendall(b"GET /pyodide/python_stdlib.zip HTTP/1.1\r\nHost: here\r\n\r\n")
    client.recv(1000)
    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # reset, not close
    client.close()
    time.sleep(0.5)  # the server's next write meets the reset
    httpd.shutdown()
    assert "Traceback" not in capsys.readouterr().err
