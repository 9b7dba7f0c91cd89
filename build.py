"""Build, serve and check the static site in dist/.

    python build.py                 build dist/ (downloads are cached; see sitebuild/)
    python build.py serve [--port N]  build if anything changed, then serve on 127.0.0.1
    python build.py serve --lan     the same for a classroom: on every interface, printing the
                                    address students open, its QR code and /join for the projector
    python build.py check           verify dist/ against its manifest; no foreign hosts

Options for build and serve: --wheels DIR (official Pyodide wheels already on disk),
--project DIR and --app-module MOD (build another app, e.g. a stand-in),
--no-bytecode (ship sources; slower start-up, faster build).
"""
from __future__ import annotations

import argparse
import sys
from http.server import ThreadingHTTPServer
from pathlib import Path

from sitebuild import classroom, manifest, pipeline, serve


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", default="build", choices=["build", "serve", "check"])
    parser.add_argument("--dist", type=Path, default=pipeline.Options.dist)
    parser.add_argument("--project", type=Path, default=pipeline.Options.project)
    parser.add_argument("--app-module", default=pipeline.Options.app_module)
    parser.add_argument("--wheels", type=Path, help="directory holding official Pyodide wheels")
    parser.add_argument("--no-bytecode", action="store_true")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--lan", action="store_true",
                        help="serve the classroom: listen on every interface, print the address and its QR code")
    parser.add_argument("--address", help="with --lan: the address students are sent to (default: the first found)")
    parser.add_argument("--force", action="store_true", help="rebuild even if up to date")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse(argv)
    opts = pipeline.Options(dist=args.dist.resolve(), project=args.project.resolve(),
                            app_module=args.app_module, wheels_dir=args.wheels,
                            bytecode=not args.no_bytecode)
    if args.command == "check":
        problems = manifest.check(opts.dist)
        for problem in problems:
            print(problem)
        print("dist/ OK" if not problems else f"{len(problems)} problem(s)")
        return 1 if problems else 0
    if args.force or not pipeline.up_to_date(opts):
        print(f"building {opts.dist}")
        try:
            info = pipeline.build(opts)
        except (RuntimeError, OSError) as err:  # HashMismatch is a RuntimeError
            print(f"build failed: {err}", file=sys.stderr)
            return 1
        print(f"built in {info['build_s']} s")
    else:
        print(f"{opts.dist} is up to date")
    if args.command == "serve":
        try:
            server, greeting = listening(opts.dist, args)
        except OSError as err:
            print(f"cannot listen on port {args.port}: {err.strerror}; choose another with --port", file=sys.stderr)
            return 1
        print(greeting, flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


def listening(dist: Path, args: argparse.Namespace) -> tuple[ThreadingHTTPServer, str]:
    """The server `serve` runs (bound, not serving yet) and what it says first: on 127.0.0.1,
    logging each request, or with --lan on every interface for the classroom."""
    if args.lan:
        server, announcement = classroom.room_server(dist, args.port, args.address)
        return server, f"serving {dist} to the classroom on port {server.server_address[1]}\n\n{announcement}"
    server = serve.make_server(dist, args.port, verbose=True)
    return server, f"serving {dist} on http://127.0.0.1:{server.server_address[1]}/"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
