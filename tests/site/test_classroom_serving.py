"""Serving a classroom from the teacher's laptop: `python build.py serve --lan`.

Every request here goes to a real server on 127.0.0.1; the --lan server's bind address is
checked without a byte sent to it.
"""
import http.client
import re
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import brotli
import pytest
import segno

import build
from playground import i18n
from sitebuild import classroom, join_page, lan, precompress, serve

PAGE = b"<!doctype html><title>Neural Playground</title>" + b"<p>the page</p>" * 200
WASM = b"\0asm\1\0\0\0" + bytes(range(256)) * 64  # compresses a little: it has copies
FILES = {"index.html": PAGE, "pyodide/pyodide.asm.wasm": WASM,
         "pyodide/pyodide.mjs": b"export const loadPyodide = () => 1;\n" * 100,
         "pyodide/site-packages.img": b"\x10\0\0\0[]" + b"numpy" * 2000,
         "static/bokeh/3.10.2/bokeh.min.js": b"window.Bokeh = {};\n" * 300}


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.setenv("NEURAL_PLAYGROUND_CACHE", str(tmp_path / "cache"))
    dist = tmp_path / "dist"
    for name, data in FILES.items():
        (dist / name).parent.mkdir(parents=True, exist_ok=True)
        (dist / name).write_bytes(data)
    precompress.write(precompress.candidates(dist))
    return dist


def _serving(server):
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def server(site):
    httpd = _serving(serve.make_server(site))
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def get(server, path, **headers):
    """(status, headers, body) of one GET on a connection of its own."""
    connection = http.client.HTTPConnection(*server.server_address, timeout=10)
    try:
        connection.request("GET", path, headers={key.replace("_", "-"): value for key, value in headers.items()})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def test_a_revalidation_with_the_etag_costs_a_304(server):
    status, headers, body = get(server, "/index.html")
    etag = headers["ETag"]
    assert status == 200 and body == PAGE
    status, headers, body = get(server, "/index.html", If_None_Match=etag)
    assert (status, headers["ETag"], body) == (304, etag, b"")
    assert get(server, "/index.html", If_None_Match=f'W/"other", {etag}')[0] == 304
    assert get(server, "/index.html", If_None_Match='"other"')[0] == 200


def test_each_encoding_has_its_own_etag(server):
    plain = get(server, "/pyodide/pyodide.mjs")[1]["ETag"]
    compressed = get(server, "/pyodide/pyodide.mjs", Accept_Encoding="br")[1]["ETag"]
    assert plain != compressed
    assert get(server, "/pyodide/pyodide.mjs", Accept_Encoding="gzip", If_None_Match=compressed)[0] == 200


def test_a_range_gets_those_bytes_of_what_is_sent(server, site):
    status, headers, body = get(server, "/pyodide/pyodide.asm.wasm", Range="bytes=10-19")
    assert (status, headers["Content-Range"], body) == (206, f"bytes 10-19/{len(WASM)}", WASM[10:20])
    assert headers["Accept-Ranges"] == "bytes" and headers["Content-Length"] == "10"
    assert get(server, "/pyodide/pyodide.asm.wasm", Range="bytes=-5")[2] == WASM[-5:]
    assert get(server, "/pyodide/pyodide.asm.wasm", Range=f"bytes={len(WASM) - 3}-")[2] == WASM[-3:]
    assert get(server, "/pyodide/pyodide.asm.wasm", Range="bytes=0-99999999")[2] == WASM
    # A browser resuming a compressed download gets the rest of the compressed copy.
    copy = (site / "pyodide/pyodide.asm.wasm.br").read_bytes()
    status, headers, body = get(server, "/pyodide/pyodide.asm.wasm", Range="bytes=100-", Accept_Encoding="br")
    assert (status, headers["Content-Encoding"], body) == (206, "br", copy[100:])


def test_a_range_past_the_end_gets_416(server):
    status, headers, body = get(server, "/pyodide/pyodide.asm.wasm", Range=f"bytes={len(WASM)}-")
    assert (status, headers["Content-Range"], body) == (416, f"bytes */{len(WASM)}", b"")
    assert get(server, "/pyodide/pyodide.asm.wasm", Range="bytes=-0")[0] == 416


@pytest.mark.parametrize("header", ["bytes=5-2", "bytes=0-1,5-6", "items=0-1", "bytes=x-"])
def test_a_range_the_server_does_not_serve_gets_the_whole_file(server, header):
    assert get(server, "/pyodide/pyodide.asm.wasm", Range=header)[:3:2] == (200, WASM)


def test_a_range_of_an_older_version_gets_the_whole_new_file(server):
    etag = get(server, "/pyodide/pyodide.asm.wasm")[1]["ETag"]
    assert get(server, "/pyodide/pyodide.asm.wasm", Range="bytes=0-9", If_Range=etag)[0] == 206
    assert get(server, "/pyodide/pyodide.asm.wasm", Range="bytes=0-9", If_Range='"before the rebuild"')[:3:2] == (200, WASM)


@pytest.mark.parametrize("path, content_type", [
    ("/pyodide/pyodide.asm.wasm", "application/wasm"),  # streaming compilation insists on it
    ("/pyodide/pyodide.mjs", "text/javascript"),  # so do module scripts
    ("/pyodide/site-packages.img", "application/octet-stream"),
    ("/", "text/html; charset=utf-8"),
])
def test_each_file_says_its_type(server, path, content_type):
    assert get(server, path, Accept_Encoding="br, gzip")[1]["Content-Type"] == content_type


def test_the_page_is_revalidated_and_a_versioned_file_kept_a_year(server):
    cache = {path: get(server, path)[1]["Cache-Control"]
             for path in ("/", "/index.html", "/pyodide/pyodide.asm.wasm", "/static/bokeh/3.10.2/bokeh.min.js")}
    # pyodide/ is named by no version: a rebuild changes its files at the same address.
    assert cache == {"/": "no-cache", "/index.html": "no-cache", "/pyodide/pyodide.asm.wasm": "no-cache",
                     "/static/bokeh/3.10.2/bokeh.min.js": "public, max-age=31536000, immutable"}


def test_a_br_client_gets_the_brotli_copy_as_it_is(server, site):
    status, headers, body = get(server, "/pyodide/pyodide.asm.wasm", Accept_Encoding="gzip, deflate, br, zstd")
    assert (status, headers["Content-Encoding"], headers["Vary"]) == (200, "br", "Accept-Encoding")
    assert body == (site / "pyodide/pyodide.asm.wasm.br").read_bytes() and brotli.decompress(body) == WASM


def test_forty_students_loading_at_once_all_get_every_file(server, site):
    """Each student's browser opens six connections, keeps them alive and asks for every file;
    all 240 connections are open at once (each has its first file before any asks for a second)."""
    together = threading.Barrier(40 * 6, timeout=20)

    def connection(names):
        link = http.client.HTTPConnection(*server.server_address, timeout=20)
        got = []
        together.wait()
        for name in names:
            link.request("GET", "/" + name, headers={"Accept-Encoding": "br, gzip"})
            response = link.getresponse()
            got.append((name, response.status, brotli.decompress(response.read())))
            if len(got) == 1:
                together.wait()
        link.close()
        return got

    names = [name for name in FILES if (site / (name + ".br")).exists()]
    with ThreadPoolExecutor(40 * 6) as pool:
        results = list(pool.map(connection, [names[i % len(names):] + names[:i % len(names)] for i in range(40 * 6)]))
    assert all((status, body) == (200, FILES[name]) for got in results for name, status, body in got)
    assert sum(map(len, results)) == 40 * 6 * len(names)


def test_a_roomful_of_connections_is_accepted_before_the_server_gets_to_them(site):
    """40 browsers open 240 connections at once: the listen queue holds them all (socketserver's
    default of 5 dropped the rest, and each tried again a second later)."""
    httpd = serve.make_server(site)  # listening, not serving yet
    clients = [socket.socket() for _ in range(40 * 6)]
    try:
        for client in clients:
            client.setblocking(False)
            client.connect_ex(httpd.server_address)
        time.sleep(0.5)
        connected = sum(client.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) == 0
                        and _is_connected(client) for client in clients)
        assert connected == 40 * 6
    finally:
        for client in clients:
            client.close()
        httpd.server_close()


def _is_connected(client: socket.socket) -> bool:
    try:
        client.getpeername()
        return True
    except OSError:
        return False


def test_requests_are_not_logged_and_each_device_is_named_once(site, capsys):
    arrivals = []
    httpd = _serving(serve.make_server(site, on_new_device=lambda address, count: arrivals.append((address, count))))
    for _ in range(3):
        get(httpd, "/index.html")
    httpd.shutdown()
    httpd.server_close()
    assert arrivals == [("127.0.0.1", 1)]
    assert capsys.readouterr().err == ""


def test_the_lan_addresses_leave_out_loopback_and_link_local():
    found = ["127.0.0.1", "127.0.1.1", None, "192.168.1.23", "169.254.10.2", "0.0.0.0", "10.0.0.5", "192.168.1.23"]
    assert lan.candidates(found) == ["192.168.1.23", "10.0.0.5"]
    assert not any(address.startswith("127.") for address in lan.addresses())


def test_lan_listens_on_every_interface_and_plain_serve_on_loopback_only(site):
    for argv, host in ((["serve", "--port", "0"], "127.0.0.1"), (["serve", "--lan", "--port", "0"], "0.0.0.0")):
        httpd, _ = build.listening(site, build.parse(argv))
        try:
            assert httpd.server_address[0] == host, argv  # bound; nothing is sent to it
        finally:
            httpd.server_close()


def drawn_modules(svg: str) -> list[list[int]]:
    """The dark modules of a QR code drawn as segno draws one: a path of one-module-high runs."""
    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg).group(1))
    modules = [[0] * size for _ in range(size)]
    x = y = 0.0
    for command, dx, dy in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", re.search(r' d="([^"]+)"', svg).group(1)):
        if command == "M":
            x, y = float(dx), float(dy)
        elif command == "m":
            x, y = x + float(dx), y + float(dy)
        else:
            for column in range(int(x), int(x + float(dx))):
                modules[int(y)][column] = 1
            x += float(dx)
    return modules


def expected_modules(url: str, border: int) -> list[list[int]]:
    return [list(row) for row in segno.make(url).matrix_iter(scale=1, border=border)]


def test_the_join_page_names_the_address_in_both_languages_and_draws_its_qr_code(site):
    httpd, _ = classroom.room_server(site, 0, address="192.168.1.23", host="127.0.0.1")
    _serving(httpd)
    port = httpd.server_address[1]
    status, headers, body = get(httpd, "/join")
    httpd.shutdown()
    httpd.server_close()
    page = body.decode()
    assert (status, headers["Content-Type"], headers["Cache-Control"]) == (200, "text/html; charset=utf-8", "no-cache")
    assert f">192.168.1.23:{port}</p>" in page
    for language in i18n.LANGUAGES:
        assert i18n.text("join.scan", language) in page
        assert i18n.text("join.help_firewall", language, port=port) in page
    svg = re.search(r"<svg.*?</svg>", page, re.S).group(0)
    assert drawn_modules(svg) == expected_modules(f"http://192.168.1.23:{port}/", border=4)


def test_the_terminal_shows_the_addresses_and_the_code_students_scan():
    text = classroom.announcement("192.168.1.23", ["192.168.1.23", "10.0.0.5"], 8000)
    assert "192.168.1.23, 10.0.0.5" in text and "http://192.168.1.23:8000/" in text and "--address 10.0.0.5" in text
    assert i18n.text("join.help_firewall", "en", port=8000) in text
    assert i18n.text(join_page.firewall_help(), "en", port=8000) in text
    # Each character is two modules: the upper one's colour in front, the lower one's behind.
    cells = re.findall(r"\x1b\[(\d+);(\d+)m\u2580", classroom.terminal_code("http://192.168.1.23:8000/"))
    width = len(expected_modules("http://192.168.1.23:8000/", border=4))
    rows = [cells[i:i + width] for i in range(0, len(cells), width)]
    drawn = [row for pair in rows for row in ([int(ink == "30") for ink, _ in pair], [int(paper == "40") for _, paper in pair])]
    assert drawn[:width] == expected_modules("http://192.168.1.23:8000/", border=4)
