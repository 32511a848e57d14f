"""Read a project's files at a git revision through the `git` command, without a checkout.

The user's working tree and index are never touched: files are listed with `git ls-tree`
and read in one `git cat-file --batch` process, as git itself would show them.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from kundresa.errors import InputError

#: Modes of the tree entries that are files (not links, folders or submodules).
_FILE_MODES = ("100644", "100755")


@dataclass(frozen=True)
class Repository:
    """A git repository and where the project lies in it."""

    top: Path
    prefix: PurePosixPath

    def path_of(self, relative: str) -> str:
        """Return a project-relative path as a path from the repository's top level."""
        return str(self.prefix / relative) if str(self.prefix) != "." else relative


def open_repository(project_root: Path) -> Repository:
    """Return the repository that holds `project_root`.

    Raises:
        InputError: the folder is not in a git repository, or git is not installed.
    """
    top = _git(project_root, "rev-parse", "--show-toplevel", failure=None)
    if top is None:
        raise InputError(
            f"{project_root} is not in a git repository",
            hint="run 'git init', or compare two journeys with 'kundresa diff A B'",
        )
    top_path = Path(top.decode().strip()).resolve()
    prefix = PurePosixPath(project_root.resolve().relative_to(top_path).as_posix())
    return Repository(top_path, prefix)


def resolve_revision(repository: Repository, revision: str) -> str:
    """Return the commit id that `revision` names.

    Raises:
        InputError: git knows no such revision.
    """
    found = _git(
        repository.top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}", failure=None
    )
    if found is None or revision.startswith("-"):
        raise InputError(
            f"unknown revision '{revision}'",
            hint="name a branch, tag or commit, such as HEAD~1 or origin/main "
            "(in CI, fetch it first: actions/checkout with fetch-depth: 0)",
        )
    return found.decode().strip()


def list_files(repository: Repository, commit: str, folders: list[str]) -> dict[str, str]:
    """Return the blob id of every file under the project's `folders` at `commit`, by path.

    Paths are relative to the project root, as on disk.
    """
    specs = [repository.path_of(folder) for folder in folders]
    out = _git(repository.top, "ls-tree", "-r", "-z", commit, "--", *specs)
    assert out is not None
    found: dict[str, str] = {}
    for entry in out.decode("utf-8", "surrogateescape").split("\0"):
        if not entry:
            continue
        meta, _, path = entry.partition("\t")
        mode, kind, blob = meta.split(" ")
        if kind == "blob" and mode in _FILE_MODES:
            found[_relative(repository, path)] = blob
    return found


def read_blobs(repository: Repository, names: list[str]) -> list[bytes | None]:
    """Return the content of each object (a blob id or `commit:path`), None where missing."""
    if not names:
        return []
    request = "".join(name + "\n" for name in names).encode()
    try:
        out = subprocess.run(
            ["git", "cat-file", "--batch"],
            cwd=repository.top,
            input=request,
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        raise InputError(f"git cat-file failed: {exc}") from None
    return _parse_batch(out, len(names))


def _parse_batch(out: bytes, count: int) -> list[bytes | None]:
    """Split `git cat-file --batch` output: `<id> <type> <size>\\n<content>\\n` or `missing`."""
    contents: list[bytes | None] = []
    at = 0
    for _ in range(count):
        end = out.index(b"\n", at)
        header = out[at:end].split(b" ")
        at = end + 1
        if header[-1] == b"missing" or len(header) != 3:
            contents.append(None)
            continue
        size = int(header[2])
        contents.append(out[at : at + size] if header[1] == b"blob" else None)
        at += size + 1
    return contents


def _relative(repository: Repository, path: str) -> str:
    if str(repository.prefix) == ".":
        return path
    return PurePosixPath(path).relative_to(repository.prefix).as_posix()


def _git(cwd: Path, *args: str, failure: str | None = "git failed") -> bytes | None:
    """Run git; return its output, or None when it fails and `failure` is None."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except OSError:
        raise InputError(
            "cannot run git", hint="install git, or compare two journeys with 'kundresa diff A B'"
        ) from None
    if done.returncode != 0:
        if failure is None:
            return None
        message = done.stderr.decode(errors="replace").strip().splitlines()
        raise InputError(f"{failure}: {message[0] if message else done.returncode}")
    return done.stdout
