"""What the site says about its own build, and the files it offers for re-running the report.

- :func:`build_info`: version, build date and commit, shown in every page's footer, on the
  how-to-cite page and in the key-numbers files; pages write ``@VERSION@``,
  ``@RELEASE_DATE@``, ``@RELEASE_YEAR@``, ``@BUILD_DATE@``, ``@COMMIT@``, ``@COMMIT_SHORT@`` (12 digits), ``@VERSION_KEY@``
  (the version with underscores) and ``@ARCHIVE@`` where they need them
  and :func:`fill_placeholders` fills them in when the page is written (the executed
  notebooks are cached, so a cell must not compute them).

Called by :mod:`clusternet.sphinxext` when the HTML build finishes:

- every chapter with code becomes ``_sources/chapters/<name>.ipynb`` (the theme's download
  menu offers it as ``.ipynb``), its prose resolved for plain Jupyter by
  :func:`clusternet.book.notebooks.plain_notebook`;
- the whole source (the files git tracks or would track: code, chapters, data, tests) is
  packed as ``_downloads/<ARCHIVE>-<version>.tar.gz``, which is also an installable source
  distribution: ``pip install "<file>[jupyter]"`` installs ``clusternet`` with its data.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path

import nbformat
from pybtex.database import parse_file
from sphinx.util import logging

from clusternet._version import __release_date__, __version__
from clusternet.bibstyle import author_year_label
from clusternet.book.notebooks import ROLE, References, UnresolvedReference, plain_notebook

__all__ = [
    "ARCHIVE",
    "build_info",
    "fill_placeholders",
    "offer_notebook",
    "placeholders",
    "short_commit",
    "site_build_info",
    "archive_name",
    "chapter_references",
    "has_code",
    "notebook_header",
    "source_files",
    "write_notebooks",
    "write_source_archive",
]

LOGGER = logging.getLogger(__name__)
ARCHIVE = "innovation-clustered-networks"
REPORT = "Innovation in Clustered Networks"
SKIP_PARTS = {".git", ".venv", "_build", "build", "__pycache__", ".pytest_cache", ".ruff_cache"}


def _git(folder, *args: str) -> str:
    """Output of ``git ARGS`` in ``folder``; raises on failure."""
    return subprocess.run(
        ["git", *args], cwd=folder, capture_output=True, text=True, check=True, timeout=10
    ).stdout.strip()


def build_info(srcdir) -> dict[str, str]:
    """Version, build date (UTC, or ``SOURCE_DATE_EPOCH``) and commit of this build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = datetime.fromtimestamp(int(epoch), tz=UTC) if epoch else datetime.now(tz=UTC)
    try:
        commit = _git(srcdir, "rev-parse", "HEAD")
        commit += (
            "-modified" if _git(srcdir, "status", "--porcelain", "--untracked-files=no") else ""
        )
    except (OSError, subprocess.SubprocessError):
        commit = "unknown (not a git checkout)"
    return {"report_version": __version__, "build_date": when.date().isoformat(), "commit": commit}


def short_commit(commit: str) -> str:
    """A commit as printed: 12 hex digits, keeping ``-modified`` (a build from edited files).

    Examples
    --------
    >>> short_commit("0123456789abcdef0123456789abcdef01234567-modified")
    '0123456789ab-modified'
    >>> short_commit("unknown (not a git checkout)")
    'unknown (not a git checkout)'
    """
    head, _, rest = commit.partition("-")
    if len(head) == 40 and all(c in "0123456789abcdef" for c in head):
        return head[:12] + (f"-{rest}" if rest else "")
    return commit


def site_build_info(app) -> dict[str, str]:
    """:func:`build_info` computed once per build, so every page and file shows the same."""
    if not hasattr(app, "_clusternet_build_info"):
        app._clusternet_build_info = build_info(app.srcdir)
    return app._clusternet_build_info


def placeholders(info: dict[str, str]) -> dict[str, str]:
    """Text a page may carry that only the build knows: ``@VERSION@``, ``@RELEASE_DATE@``,
    ``@BUILD_DATE@``, ``@COMMIT@`` (in full) and ``@ARCHIVE@`` (the source archive's name)."""
    return {
        "@VERSION@": info["report_version"],
        "@RELEASE_DATE@": __release_date__,
        "@RELEASE_YEAR@": __release_date__[:4],
        "@VERSION_KEY@": info["report_version"].replace(".", "_"),
        "@BUILD_DATE@": info["build_date"],
        "@COMMIT@": info["commit"],
        "@COMMIT_SHORT@": short_commit(info["commit"]),
        "@ARCHIVE@": archive_name(info["report_version"]),
    }


def fill_placeholders(app, pagename, templatename, context, doctree):
    """Write the build's version, dates, commit and archive name into the page body (the
    executed notebooks are cached, so a page must not compute them itself)."""
    body = context.get("body")
    if body and ("@" in body or "&#64;" in body):
        for marker, value in placeholders(site_build_info(app)).items():
            # Sphinx writes "@" in running text as "&#64;"
            body = body.replace(marker, value).replace(marker.replace("@", "&#64;"), value)
        context["body"] = body


def archive_name(version: str) -> str:
    """File name of the source archive of ``version``."""
    return f"{ARCHIVE}-{version}.tar.gz"


def has_code(source: Path) -> bool:
    """True when the MyST page at ``source`` has code cells (a notebook worth downloading)."""
    return "{code-cell}" in source.read_text(encoding="utf-8")


def _glue_texts(glue_file: Path) -> dict[str, str]:
    if not glue_file.is_file():
        return {}
    texts = {}
    for name, output in json.loads(glue_file.read_text(encoding="utf-8")).items():
        data = output.get("data", {})
        text = data.get("text/markdown", data.get("text/plain", ""))
        if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
            text = text[1:-1]  # a glued string's repr
        texts[name] = text
    return texts


def _citations(bibfiles: list[Path], keys: set[str]) -> dict[str, tuple[str, str]]:
    """Bib key -> (authors as cited, year) for ``keys`` (labels are slow to make: only those
    the chapters cite)."""
    citations = {}
    for bibfile in bibfiles:
        for key, entry in parse_file(str(bibfile)).entries.items():
            if key in keys:
                who, _, year = author_year_label(entry).rpartition(" ")
                citations[key] = (who, year)
    return citations


def _cited_keys(texts: list[str]) -> set[str]:
    """Bib keys cited by ``{cite...}`` roles in ``texts``.

    >>> sorted(_cited_keys(["{cite:p}`porter1998, uzzi2005` and {cite:t}`mulder2007`", "{glue}`q`"]))
    ['mulder2007', 'porter1998', 'uzzi2005']
    """
    roles = (role for text in texts for role in ROLE.finditer(text))
    return {
        key.strip()
        for role in roles
        if role["role"].startswith("cite")
        for key in role["body"].split(",")
    }


def _numbers(app) -> dict[str, str]:
    """Figure/table/equation label -> the number the page shows ("Figure 1.3", "(2.2)")."""
    env, formats = app.env, app.config.numfig_format
    labels = env.domaindata["std"]["labels"]
    numbers: dict[str, str] = {}
    for label, (docname, node_id, title) in labels.items():
        for figtype, ids in env.toc_fignumbers.get(docname, {}).items():
            if node_id in ids and figtype in formats:
                number = ".".join(map(str, ids[node_id]))
                numbers[label] = formats[figtype] % number
        sections = env.toc_secnumbers.get(docname, {})
        section = sections.get(f"#{node_id}")
        if section is None and docname in env.titles and title == env.titles[docname].astext():
            section = sections.get("")  # the page's own title
        if label not in numbers and section:
            numbers[label] = formats["section"] % ".".join(map(str, section))
    math = env.get_domain("math")
    for label, (docname, _eqno) in math.equations.items():
        node_id = f"equation-{label}"
        ids = env.toc_fignumbers.get(docname, {}).get("displaymath", {})
        if node_id in ids:
            numbers[label] = "(" + ".".join(map(str, ids[node_id])) + ")"
    return numbers


def _bibfiles(app) -> list[Path]:
    return [Path(app.srcdir) / name for name in app.config.bibtex_bibfiles]


def chapter_references(app, docname: str, citations: dict) -> References:
    """What the roles of page ``docname`` resolve to in this build (``citations``: bib key ->
    (authors, year), made once for every page by :func:`write_notebooks`)."""
    labels = app.env.domaindata["std"]["labels"]
    titles = {label: title for label, (_doc, _id, title) in labels.items() if title}
    titles.update({doc: app.env.titles[doc].astext() for doc in app.env.titles})
    glue_file = Path(app.outdir).parent / "jupyter_execute" / f"{docname}.glue.json"
    return References(
        glue=_glue_texts(glue_file),
        citations=citations,
        numbers=_numbers(app),
        titles=titles,
    )


def notebook_header(title: str, info: dict[str, str], archive: str) -> str:
    """First cell of a downloaded notebook: where it comes from and how to run it."""
    return (
        f"**{REPORT}**, version {info['report_version']} (built {info['build_date']}, "
        f"commit `{info['commit']}`): *{title}*.\n\n"
        "This notebook is the chapter's source with the numbers, citations and cross-references "
        "of the published build written into the text; its cells have no outputs. Running it "
        "computes every table and figure anew, and a number in a cell's output is the current "
        "one (the text keeps the published value).\n\n"
        "To run it outside the report's folder, with Python 3.11 (no network needed after the "
        "install):\n\n"
        "```bash\n"
        "python3.11 -m venv clusternet-env\n"
        f'clusternet-env/bin/pip install "{archive}[jupyter]"   # from the reproducibility page\n'
        "clusternet-env/bin/jupyter lab      # or: clusternet-env/bin/jupyter execute THIS.ipynb\n"
        "```\n\n"
        "The package carries the report's data (`clusternet data path` shows where; "
        "`clusternet data copy FOLDER` makes a copy to edit, used with `CLUSTERNET_DATA=FOLDER`)."
    )


def offer_notebook(app, pagename, templatename, context, doctree):
    """Let the theme's download menu offer the chapter as ``.ipynb`` (written at the end of
    the build by :func:`clusternet.book.downloads.write_notebooks`)."""
    if pagename not in app.env.all_docs:
        return
    source = Path(app.env.doc2path(pagename))
    if source.suffix == ".md" and has_code(source):
        context["ipynb_source"] = f"{pagename}.ipynb"


def write_notebooks(
    app, placeholders: dict[str, str], info: dict[str, str], docnames: list[str]
) -> list[Path]:
    """Write ``_sources/<docname>.ipynb`` for every page in ``docnames`` that has code.

    ``placeholders`` (marker -> text, such as ``@VERSION@``) are filled in the prose as on
    the page.

    Returns
    -------
    list of pathlib.Path
        The notebooks written.
    """
    sources = {d: Path(app.env.doc2path(d)) for d in docnames}
    sources = {d: s for d, s in sources.items() if s.suffix == ".md" and has_code(s)}
    texts = [source.read_text(encoding="utf-8") for source in sources.values()]
    citations = _citations(_bibfiles(app), _cited_keys(texts))
    written = []
    for docname, source in sources.items():
        title = app.env.titles[docname].astext()
        header = notebook_header(title, info, archive_name(info["report_version"]))
        text = source.read_text(encoding="utf-8")
        for marker, value in placeholders.items():
            text = text.replace(marker, value)
        try:
            references = chapter_references(app, docname, citations)
            notebook = plain_notebook(text, references, header=header)
        except UnresolvedReference as error:  # a partial build (a strict one fails earlier)
            LOGGER.warning(f"{docname}: no .ipynb written: {error}", location=docname)
            continue
        target = Path(app.outdir) / "_sources" / f"{docname}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, target)
        written.append(target)
    return written


def source_files(root: Path) -> list[Path]:
    """Files of the source archive: what git tracks or would track (not ignored).

    Outside a git checkout, every file except build products and virtual environments.
    """
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=root,
            capture_output=True,
            check=True,
            timeout=30,
        ).stdout.decode("utf-8")
        files = [root / name for name in listed.split("\0") if name]
    except (OSError, subprocess.SubprocessError):
        files = [p for p in root.rglob("*") if not SKIP_PARTS.intersection(p.parts)]
    return sorted(p for p in files if p.is_file() and not SKIP_PARTS.intersection(p.parts))


def write_source_archive(root: Path, outdir: Path, info: dict[str, str]) -> Path:
    """Pack the source under ``root`` into ``outdir/_downloads/<archive>`` and return it.

    Files are sorted, with fixed owner and modification time (``SOURCE_DATE_EPOCH`` when set),
    so the same source gives the same archive.
    """
    version = info["report_version"]
    folder = archive_name(version).removesuffix(".tar.gz")
    target = Path(outdir) / "_downloads" / archive_name(version)
    target.parent.mkdir(parents=True, exist_ok=True)
    mtime = int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0)
    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        for path in source_files(root):
            data = path.read_bytes()
            member = tarfile.TarInfo(f"{folder}/{path.relative_to(root).as_posix()}")
            member.size, member.mtime, member.mode = len(data), mtime, 0o644
            archive.addfile(member, io.BytesIO(data))
        stamp = json.dumps(info, indent=1).encode("utf-8")
        member = tarfile.TarInfo(f"{folder}/BUILD-INFO.json")
        member.size, member.mtime, member.mode = len(stamp), mtime, 0o644
        archive.addfile(member, io.BytesIO(stamp))
    return target
