"""A real SPARQL 1.1 endpoint over a store: the `oxigraph` server binary (PyPI package
`oxigraph`, a dependency of vnkg), run as a child process.

`vnkg serve` runs it read-only (`serve-read-only`): queries at `/query`, the query page at
`/`, and `/update` and the Graph Store's writes refused. A read-only server does not
take the store's lock, so several can share one store; rebuilding a store while it is
being served is not safe (RocksDB reads a store changing under it as undefined), so stop
the server, build, and start it again.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from ..errors import EndpointError, UsageError

DEFAULT_BIND = "127.0.0.1:7878"


@dataclass
class Server:
    """A running oxigraph server."""
    url: str                     # http://host:port
    process: subprocess.Popen
    log: Path
    writable: bool

    @property
    def query_url(self) -> str:
        return f"{self.url}/query"

    @property
    def store_url(self) -> str:
        """The Graph Store Protocol endpoint (for `vnkg push` to a writable server)."""
        return f"{self.url}/store"

    def wait(self) -> int:
        return self.process.wait()

    def stop(self, timeout: float = 10.0) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.unlink(missing_ok=True)


def oxigraph_command() -> str:
    """The path of the `oxigraph` binary: beside this Python first, then on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise UsageError("the oxigraph server is not installed",
                         hint="reinstall vnkg: the `oxigraph` package from PyPI is one of its dependencies")
    return found


def parse_bind(bind: str) -> tuple[str, int]:
    host, sep, port = bind.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise UsageError(f"--bind {bind!r} is not HOST:PORT", hint=f"e.g. --bind {DEFAULT_BIND}")
    return host.strip("[]"), int(port)


def _port_free(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def start_server(store: str | Path, bind: str = DEFAULT_BIND, *, writable: bool = False,
                 union_default_graph: bool = False, timeout: float = 20.0) -> Server:
    """Start an oxigraph server on `store` and return once it answers queries.

    Read-only by default, on a store built by `vnkg build --store` (whose default graph
    is the merge of the article graphs). `writable` serves (and creates) a store that
    accepts updates, e.g. as a target of `vnkg push`; since it holds only named graphs,
    `union_default_graph` lets queries see them all.

    >>> server = start_server("corpus.db")      # doctest: +SKIP
    >>> server.query_url                        # doctest: +SKIP
    'http://127.0.0.1:7878/query'
    """
    from .store import is_store
    host, port = parse_bind(bind)
    store = Path(store)
    if not writable and not is_store(store):
        raise UsageError("no Oxigraph store here", where=str(store),
                         hint="build one with `vnkg build DIR --store PATH`")
    if not _port_free(host, port):
        raise UsageError(f"{host}:{port} is already in use", hint="choose another with --bind HOST:PORT")
    command = [oxigraph_command(), "serve" if writable else "serve-read-only",
               "--location", str(store), "--bind", f"{host}:{port}"]
    if union_default_graph:
        command.append("--union-default-graph")
    handle, log = tempfile.mkstemp(prefix="vnkg-oxigraph-", suffix=".log")
    with open(handle, "wb") as out:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
    name = f"[{host}]" if ":" in host else host
    server = Server(f"http://{name}:{port}", process, Path(log), writable)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            message = server.log.read_text("utf-8", "replace").strip().splitlines()
            server.stop()
            raise EndpointError("the oxigraph server stopped" + (f": {message[-1]}" if message else ""),
                              where=str(store))
        if _answers(server.query_url):
            return server
        time.sleep(0.05)
    server.stop()
    raise EndpointError(f"the oxigraph server did not answer within {timeout:.0f} s", where=str(store))


def _answers(url: str) -> bool:
    request = urllib.request.Request(url + "?query=ASK%7B%7D", headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=1) as response:
            return response.status == 200
    except urllib.error.HTTPError:
        return True      # it answers, if not to this
    except OSError:
        return False
