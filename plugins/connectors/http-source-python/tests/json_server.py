"""A local JSON API for the tests: GET /items?since=N answers the items whose id is above N, in a
configurable envelope; every request is recorded."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable
from urllib.parse import parse_qs, urlsplit


class JsonServer:
    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []
        self.requests: list[dict[str, Any]] = []
        #: Builds the response body from the filtered items (default: the bare array).
        self.envelope: Callable[[list[dict[str, Any]]], Any] = lambda items: items
        self.status = 200
        self.raw_body: bytes | None = None
        self.honour_since = True
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                parts = urlsplit(self.path)
                query = parse_qs(parts.query)
                server.requests.append({"path": parts.path, "query": query, "headers": dict(self.headers)})
                if server.status != 200:
                    self._answer(server.status, b'{"error":"nope"}')
                    return
                if server.raw_body is not None:
                    self._answer(200, server.raw_body)
                    return
                items = list(server.items)
                since = query.get("since", [None])[0]
                if since is not None and server.honour_since:
                    items = [item for item in items if item["id"] > int(since)]
                self._answer(200, json.dumps(server.envelope(items)).encode())

            def _answer(self, status: int, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/items"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
