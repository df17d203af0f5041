"""Execute the book's notebooks in parallel into the build's execution cache.

``python -m clusternet.book.execute [--jobs N]`` (run by ``make rebuild`` before Sphinx)
reads every notebook of ``_toc.yml`` exactly as MyST-NB reads it, executes those whose code
is not already in the cache (``_build/.jupyter_cache``), ``N`` at a time, and stores the
executed notebooks in the cache. The Sphinx build that follows then finds every notebook
in the cache and only renders it: the same outputs, in a fraction of the time on a machine
with more than one core.

Each kernel runs its linear algebra on one thread (``OMP_NUM_THREADS=1`` and friends, unless
already set): with several notebooks at a time, multi-threaded BLAS in each kernel
oversubscribes the cores and made the whole run about 1.5 times slower.

A notebook that fails here is not cached, and the command exits with status 1 after
naming, for every failing chapter, the ``.md`` file and line of the failing code and the
error (``make rebuild`` then stops before Sphinx, whose own message would cite only the
notebook cell, ``In[6], line 4``).
"""

from __future__ import annotations

import argparse
import os
import re
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import yaml
from jupyter_cache import get_cache
from jupyter_cache.base import CacheBundleIn
from jupyter_cache.executors.utils import single_nb_execution
from myst_nb.core.read import read_myst_markdown_notebook

__all__ = ["toc_files", "toc_notebooks", "execution_order", "execute_missing"]

_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def toc_files(root: Path) -> list[str]:
    """Every document of ``_toc.yml`` in toc order.

    The root first, then each part's chapters, each followed by its sections (at any depth).
    """
    toc = yaml.safe_load((Path(root) / "_toc.yml").read_text(encoding="utf-8"))

    def walk(entries: list[dict]) -> list[str]:
        files = []
        for entry in entries:
            files += [entry["file"], *walk(entry.get("sections", []))]
        return files

    return [toc["root"], *walk([c for part in toc.get("parts", []) for c in part["chapters"]])]


def toc_notebooks(root: Path) -> list[Path]:
    """The ``.md`` files of ``_toc.yml`` that hold code cells, in toc order."""
    paths = [Path(root) / f"{name}.md" for name in toc_files(root)]
    return [p for p in paths if "{code-cell}" in p.read_text(encoding="utf-8")]


def _read(path: Path):
    return read_myst_markdown_notebook(path.read_text("utf8"), add_source_map=True, path=path)


def _execute(path: str, timeout: int):
    notebook = _read(Path(path))
    result = single_nb_execution(
        notebook, cwd=str(Path(path).parent), allow_errors=False, timeout=timeout
    )
    error = None if result.err is None else failure_location(Path(path), notebook)
    return path, notebook, result.time, error


_CELL_LINE = re.compile(r"Cell In\[\d+\], line (\d+)")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def failure_location(path: Path, notebook) -> str:
    """``"<file>.md, line N: ErrorName: message"`` for the first cell that raised.

    ``N`` is a line of the chapter's ``.md`` file: the failing line of code as the
    traceback numbers it within its cell, counted from the cell's first code line (after
    its fence and its YAML or ``:option:`` metadata).
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    starts = notebook.metadata.get("source_map", [])
    for index, cell in enumerate(notebook.cells):
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if not errors or index >= len(starts):
            continue
        first = starts[index]  # the fence's 1-based line = 0-based index of the next line
        if first < len(lines) and lines[first].strip() == "---":
            first = next(i for i in range(first + 1, len(lines)) if lines[i].strip() == "---") + 1
        else:
            while first < len(lines) and lines[first].startswith(":"):
                first += 1
        traceback = _ANSI.sub("", "\n".join(errors[0].get("traceback", [])))
        within = _CELL_LINE.search(traceback)
        line = first + (int(within.group(1)) if within else 1)  # 1-based line in the file
        message = _ANSI.sub("", f"{errors[0].get('ename')}: {errors[0].get('evalue')}")
        return f"{path.name}, line {line}: {message}"
    return f"{path.name}: the notebook failed outside a cell (kernel or timeout)"


#: What a notebook that recomputes every chapter's results calls (the synthesis, the briefing).
_EVERY_CHAPTER = ("chapter_results", "clusternet.synthesis")


def execution_order(paths: list[str]) -> list[str]:
    """The notebooks in the order they start: those that recompute every chapter's results
    first (the longest: 12-14 s each against 1-19 s), then the others in toc order.

    With two at a time in toc order, the briefing started last and ran alone for its final
    seconds (65 s for 61 s of work per worker); started first, the short notebooks fill the
    end. The outputs do not depend on the order: each notebook runs in its own kernel.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.md").write_text("x = 1")
    >>> _ = (folder / "b.md").write_text("results = synthesis.chapter_results()")
    >>> [pathlib.Path(p).name for p in execution_order([str(folder / "a.md"), str(folder / "b.md")])]
    ['b.md', 'a.md']
    """
    text = {path: Path(path).read_text(encoding="utf-8") for path in paths}
    return sorted(paths, key=lambda path: not any(m in text[path] for m in _EVERY_CHAPTER))


def execute_missing(root: Path, *, jobs: int = 2, timeout: int = 120) -> dict[str, str]:
    """Execute the toc's notebooks that the cache lacks; return path -> what happened.

    Parameters
    ----------
    root : Path
        The book's folder (with ``_toc.yml`` and ``_build/``).
    jobs : int
        Notebooks executed at the same time.
    timeout : int
        Seconds allowed per cell (as ``execute.timeout`` in ``_config.yml``).

    Returns
    -------
    dict
        Path -> ``"cached"`` (already there), ``"executed in N s"`` or ``"failed: ..."``.
    """
    cache = get_cache(str(root / "_build" / ".jupyter_cache"))
    status, todo = {}, []
    for path in toc_notebooks(root):
        try:
            cache.match_cache_notebook(_read(path))
            status[str(path)] = "cached"
        except KeyError:
            todo.append(str(path))
    with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = [pool.submit(_execute, path, timeout) for path in execution_order(todo)]
        for future in futures:
            path, notebook, seconds, error = future.result()
            if error:
                status[path] = f"FAILED at {error}"
                continue
            record = cache.add_nb_to_project(path)
            cache.cache_notebook_bundle(
                CacheBundleIn(notebook, record.uri, data={"execution_seconds": seconds}),
                check_validity=False,
                overwrite=True,
            )
            status[path] = f"executed in {seconds:.1f} s"
    return status


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=int(os.environ.get("BOOK_JOBS", "2")))
    parser.add_argument("--root", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    for variable in _THREAD_VARIABLES:
        os.environ.setdefault(variable, "1")  # inherited by every kernel
    start = time.perf_counter()
    status = execute_missing(args.root.resolve(), jobs=args.jobs)
    for path, what in status.items():
        print(f"{Path(path).relative_to(args.root.resolve())}: {what}")
    failed = [path for path, what in status.items() if what.startswith("FAILED")]
    if failed:
        print(f"{len(failed)} chapter(s) failed; the book is not built (see the lines above)")
        return 1
    print(f"notebooks ready in {time.perf_counter() - start:.1f} s ({args.jobs} at a time)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
