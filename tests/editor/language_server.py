"""A small LSP client that drives `yaml-language-server --stdio` as VS Code's YAML extension does.

It speaks JSON-RPC with Content-Length framing over the server's stdin and stdout, answers
the requests the server sends back (configuration, capability registration) and collects
the diagnostics it publishes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from queue import Empty, Queue
from typing import Any

from support import REPO

#: Where .ci/run installs the pinned server (see .ci/package.json).
CI_SERVER = REPO / ".ci" / "node_modules" / ".bin" / "yaml-language-server"
#: How long to wait for one answer; the first schema load reads files from disk.
TIMEOUT = 30.0


def find_server() -> str | None:
    """Return the server's command: $KUNDRESA_YAML_LS, the CI install, or one on PATH."""
    given = os.environ.get("KUNDRESA_YAML_LS")
    if given:
        return given
    if CI_SERVER.exists():
        return str(CI_SERVER)
    return shutil.which("yaml-language-server")


def editor_settings(root: Path) -> dict[str, Any]:
    """Return the settings VS Code sends: the YAML extension's defaults and the project's own."""
    settings_file = root / ".vscode" / "settings.json"
    own = json.loads(settings_file.read_text(encoding="utf-8")) if settings_file.exists() else {}
    yaml = {
        "validate": True,
        "hover": True,
        "completion": True,
        "format": {"enable": True},
        "schemaStore": {"enable": False},
        "schemas": {},
    }
    for key, value in own.items():
        if key.startswith("yaml."):
            yaml[key.removeprefix("yaml.")] = value
    return {"yaml": yaml, "http": {"proxyStrictSSL": True}, "[yaml]": {}}


class LanguageServer:
    """One running yaml-language-server with a workspace folder open."""

    def __init__(self, command: str, root: Path) -> None:
        self.root = root
        self._process = subprocess.Popen(
            [command, "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._next_id = 0
        self._answers: dict[int, Queue[dict[str, Any]]] = {}
        self._published: dict[str, Queue[list[dict[str, Any]]]] = {}
        self._open: set[str] = set()
        self._version = 0
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read_messages, daemon=True)
        self._reader.start()

    def start(self) -> None:
        """Initialize the session with VS Code's capabilities and the project's settings."""
        self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": self.root.as_uri(),
                "workspaceFolders": [{"uri": self.root.as_uri(), "name": self.root.name}],
                "capabilities": {
                    "textDocument": {
                        "completion": {
                            "completionItem": {
                                "snippetSupport": True,
                                "documentationFormat": ["markdown", "plaintext"],
                            }
                        },
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                        "publishDiagnostics": {"relatedInformation": True},
                    },
                    "workspace": {"configuration": True, "workspaceFolders": True},
                },
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": editor_settings(self.root)})

    def stop(self) -> None:
        """Shut the server down politely, and kill it if it does not go."""
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self._process.wait(timeout=5)
        finally:
            if self._process.poll() is None:
                self._process.kill()
                self._process.wait()
            self._reader.join(timeout=5)
            for stream in (self._process.stdin, self._process.stdout):
                if stream is not None:
                    stream.close()

    def open(self, path: Path, text: str | None = None) -> str:
        """Open a file (with `text` in place of what is on disk, as an unsaved edit).

        A file already open is closed first, and the server's clearing of its
        diagnostics awaited, so that `diagnostics` returns those of this text.
        """
        uri = path.as_uri()
        body = path.read_text(encoding="utf-8") if text is None else text
        if uri in self._open:
            self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
            self.diagnostics(uri)
        self._open.add(uri)
        # The server caches a parsed document by uri and version: each text gets its own.
        self._version += 1
        document = {"uri": uri, "languageId": "yaml", "version": self._version, "text": body}
        self.notify("textDocument/didOpen", {"textDocument": document})
        return uri

    def diagnostics(self, uri: str) -> list[dict[str, Any]]:
        """Return the diagnostics the server publishes for `uri` after it was opened."""
        try:
            return self._queue(uri).get(timeout=TIMEOUT)
        except Empty:
            raise TimeoutError(f"no diagnostics for {uri}") from None

    def completion(self, uri: str, line: int, character: int) -> list[dict[str, Any]]:
        """Return the completion items at a 0-based position."""
        answer = self.request(
            "textDocument/completion",
            {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}},
        )
        return list(answer["items"] if isinstance(answer, dict) else answer or [])

    def hover(self, uri: str, line: int, character: int) -> str:
        """Return the hover text at a 0-based position (markdown)."""
        answer = self.request(
            "textDocument/hover",
            {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}},
        )
        return str(answer["contents"]["value"]) if answer else ""

    def request(self, method: str, params: Any) -> Any:
        """Send a request and wait for its result."""
        with self._lock:
            self._next_id += 1
            ident = self._next_id
            self._answers[ident] = Queue()
        self._send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        answer = self._answers[ident].get(timeout=TIMEOUT)
        if "error" in answer:
            raise RuntimeError(f"{method}: {answer['error']}")
        return answer.get("result")

    def notify(self, method: str, params: Any) -> None:
        """Send a notification."""
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps(message).encode()
        assert self._process.stdin is not None
        self._process.stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
        self._process.stdin.flush()

    def _read_messages(self) -> None:
        stream = self._process.stdout
        assert stream is not None
        while True:
            length = 0
            while (header := stream.readline()) not in (b"\r\n", b""):
                name, _, value = header.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if not header:
                return
            self._dispatch(json.loads(stream.read(length)))

    def _dispatch(self, message: dict[str, Any]) -> None:
        method = message.get("method")
        if method is None:
            self._answers[message["id"]].put(message)
        elif method == "textDocument/publishDiagnostics":
            self._queue(message["params"]["uri"]).put(message["params"]["diagnostics"])
        elif "id" in message:
            self._send({"jsonrpc": "2.0", "id": message["id"], "result": self._answer(message)})

    def _queue(self, uri: str) -> Queue[list[dict[str, Any]]]:
        with self._lock:
            return self._published.setdefault(uri, Queue())

    def _answer(self, message: dict[str, Any]) -> Any:
        # The server asks for the settings of each section, as VS Code would answer them.
        if message["method"] == "workspace/configuration":
            settings = editor_settings(self.root)
            return [
                settings.get(item.get("section", ""), None) for item in message["params"]["items"]
            ]
        return None


@contextmanager
def language_server(command: str, root: Path) -> Iterator[LanguageServer]:
    """Run a server on the workspace `root` for the length of the block."""
    server = LanguageServer(command, root)
    try:
        server.start()
        yield server
    finally:
        server.stop()
