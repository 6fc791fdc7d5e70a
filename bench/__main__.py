"""`python -m bench [NAME ...]`: run the benchmarks and print their figures.

Benchmarks are listed in ``BENCHMARKS``; each is a module with ``main(argv) -> int``.
With no name, those in ``DEFAULT`` run in order (``web`` serves Sejuk on generated
national data and takes minutes: `make bench-web`); options after the names go to each.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from bench import channels, documents, extract, imports, media, offline, patrol, picture, web
from bench import map as map_bench

BENCHMARKS: dict[str, Callable[[list[str] | None], int]] = {
    "extract": extract.main,
    "map": map_bench.main,
    "web": web.main,
    "picture": picture.main,
    "documents": documents.main,
    "import": imports.main,
    "channels": channels.main,
    "media": media.main,
    "offline": offline.main,
    "patrol": patrol.main,
}
DEFAULT = ("extract",)


def main(argv: list[str]) -> int:
    names = []
    while argv and not argv[0].startswith("-"):
        names.append(argv.pop(0))
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        print(f"Unknown benchmark: {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}")
        return 2
    status = 0
    for name in names or list(DEFAULT):
        print(f"== {name} ==")
        status |= BENCHMARKS[name](list(argv))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
