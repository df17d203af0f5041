"""Lighter, accessible pages: the book's changes to what the theme and extensions write.

Issue 18: every page passes axe-core without a serious or critical violation, a page of
text downloads at most 1 MB and a chapter at most 2 MB (``tests/test_browser_audit.py``).

- ``templates/layout.html`` (put first in ``templates_path``) leaves out ``fontawesome.js``
  (1.5 MB on every page) and the search scripts on pages other than the search page;
  ``templates/search-button-field.html`` names the search button by its visible text;
- MathJax loads as its components, not the 1.2 MB combined file, and the 24 MB vendored
  copy shrinks to the files the pages load;
- the theme's icon fonts are cut down to the icons the site shows;
- figures are stored with a palette of 256 colours;
- page bodies: citations are list items, images load lazily, identifiers in inline code
  break only after an underscore; the sidebar's show/hide toggles are named.

Connected by :func:`clusternet.sphinxext.setup`.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

#: Where the theme templates of the book live (``layout.html``: lighter pages).
TEMPLATES = Path(__file__).parents[1] / "templates"
#: MathJax 3 as components: the TeX input with the AMS macros and the CommonHTML output,
#: without the menu and speech modules of the combined ``tex-chtml.js`` (1.2 MB).
MATHJAX_COMPONENTS = {
    "loader": {"load": ["input/tex-base", "[tex]/ams", "[tex]/newcommand", "output/chtml"]},
    "tex": {"packages": {"[+]": ["ams", "newcommand"]}},
}
#: Files of the vendored MathJax the pages load (relative to ``_static/mathjax``); the rest
#: of the 24 MB copy made by sphinx-mathjax-offline is removed from the site.
MATHJAX_KEEP = (
    "startup.js",
    "core.js",
    "input/tex-base.js",
    "input/tex/extensions/",
    "output/chtml.js",
    "output/chtml/fonts/",
)


def _theme_templates(app, config):
    """Put the book's templates first: ``layout.html`` leaves out scripts the pages do not use."""
    config.templates_path = [str(TEMPLATES), *config.templates_path]


def _lighter_mathjax(app, config):
    """Load MathJax as its components (startup, TeX, CommonHTML) instead of ``tex-chtml.js``."""
    if "mathjax" not in str(config.mathjax_path):
        return
    config.mathjax_path = "mathjax/startup.js"
    config.mathjax3_config = {**(config.mathjax3_config or {}), **MATHJAX_COMPONENTS}


def mathjax_unused(relative: str) -> bool:
    """Whether a file of the vendored MathJax (path under ``_static/mathjax``) is unused.

    Examples
    --------
    >>> mathjax_unused("tex-svg-full.js"), mathjax_unused("output/chtml/fonts/woff-v2/a.woff")
    (True, False)
    """
    return not any(
        relative == keep or (keep.endswith("/") and relative.startswith(keep))
        for keep in MATHJAX_KEEP
    )


def _prune_mathjax(app, exception):
    """Remove the vendored MathJax files no page loads (runs after sphinx-mathjax-offline)."""
    if exception is not None or app.builder.format != "html":
        return
    root = Path(app.outdir) / "_static" / "mathjax"
    if not (root / "startup.js").is_file() or app.config.mathjax_path != "mathjax/startup.js":
        return
    for path in sorted(root.rglob("*"), reverse=True):
        relative = path.relative_to(root).as_posix()
        if path.is_file() and mathjax_unused(relative):
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


#: The theme's Font Awesome fonts (``_static/vendor/fontawesome/webfonts``): family, weight.
ICON_FONTS = {
    "fa-solid-900": ("Font Awesome 6 Free", 900),
    "fa-regular-400": ("Font Awesome 6 Free", 400),
    "fa-brands-400": ("Font Awesome 6 Brands", 400),
}
ICONS_CSS = "clusternet-icons.css"
_GLYPH_RULE = re.compile(r'((?:\.fa-[a-z0-9-]+:(?:before|after),?)+)\{content:"\\([0-9a-f]+)"\}')
_ICON_CLASS = re.compile(r"\bfa-([a-z0-9-]+)")


def icon_codepoints(css: str, pages: str) -> set[int]:
    r"""Code points of the icons the site can show.

    The theme's stylesheet ``css`` maps each icon class (``.fa-bars:before``) to a code point
    and draws some icons itself (``--pst-icon-bell: "\f0f3"``, often with the character
    itself rather than its escape); ``pages`` is the text of the
    built pages and scripts, where the icon classes are used.

    Examples
    --------
    >>> css = '.fa-bars:before{content:"\\f0c9"}.fa-cat:before{content:"\\f6be"}a{x:"\\f35d"}'
    >>> sorted(map(hex, icon_codepoints(css + 'b{y:"\uf0f3"}', '<i class="fa-solid fa-bars">')))
    ['0xf0c9', '0xf0f3', '0xf35d']
    """
    glyphs = {}
    for match in _GLYPH_RULE.finditer(css):
        for name in re.findall(r"\.fa-([a-z0-9-]+):", match.group(1)):
            glyphs[name] = int(match.group(2), 16)
    rest = _GLYPH_RULE.sub("", css)
    drawn = {int(code, 16) for code in re.findall(r'"\\(f[0-9a-f]{3})"', rest)}
    drawn |= {ord(char) for char in re.findall("[\ue000-\uf8ff]", rest)}  # written as is
    return drawn | {glyphs[name] for name in _ICON_CLASS.findall(pages) if name in glyphs}


def prune_icon_rules(css: str, codepoints: set[int]) -> str:
    r"""``css`` without the icon-class rules whose icon is not in ``codepoints``.

    Examples
    --------
    >>> prune_icon_rules('.fa-a:before{content:"\\f001"}.fa-b:before{content:"\\f002"}', {0xF002})
    '.fa-b:before{content:"\\f002"}'
    """
    return _GLYPH_RULE.sub(lambda m: m.group(0) if int(m.group(2), 16) in codepoints else "", css)


def _subset_icon_fonts(app, exception):
    """Replace the theme's Font Awesome fonts (0.3 MB) by subsets of the icons the site shows.

    Writes ``_static/fonts/<font>.subset.woff`` and ``_static/clusternet-icons.css``, whose
    ``@font-face`` rules come after the theme's and so take their place.
    """
    if exception is not None or app.builder.format != "html":
        return
    from fontTools import subset

    static = Path(app.outdir) / "_static"
    webfonts = static / "vendor" / "fontawesome" / "webfonts"
    theme_css = static / "styles" / "pydata-sphinx-theme.css"
    if not theme_css.is_file() or not webfonts.is_dir():
        return
    css = theme_css.read_text(encoding="utf-8")
    css += "".join(p.read_text(encoding="utf-8") for p in static.glob("styles/*.css"))
    pages = "".join(
        p.read_text(encoding="utf-8")
        for pattern in ("**/*.html", "_static/**/*.js")
        for p in Path(app.outdir).glob(pattern)
        if "mathjax" not in p.parts
    )
    codepoints = icon_codepoints(css, pages)
    # the theme's map of some 2,000 icon classes (86 kB) shrinks to the icons shown
    theme_css.write_text(prune_icon_rules(theme_css.read_text(encoding="utf-8"), codepoints))
    (static / "fonts").mkdir(exist_ok=True)
    rules = []
    for name, (family, weight) in ICON_FONTS.items():
        source = webfonts / f"{name}.ttf"
        if not source.is_file():
            continue
        options = subset.Options()
        options.flavor = "woff"
        font = subset.load_font(str(source), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(codepoints))
        subsetter.subset(font)
        subset.save_font(font, str(static / "fonts" / f"{name}.subset.woff"), options)
        rules.append(
            f'@font-face {{ font-family: "{family}"; font-style: normal; font-weight: {weight}; '
            f'font-display: block; src: url("fonts/{name}.subset.woff") format("woff"); }}'
        )
    (static / ICONS_CSS).write_text(
        "/* Subsets of the theme's Font Awesome fonts: the icons this site shows "
        "(clusternet.sphinxext). */\n" + "\n".join(rules) + "\n",
        encoding="utf-8",
    )


def palette_png(path: Path) -> bool:
    """Store an opaque figure PNG with a palette of 256 colours when that makes it smaller.

    Matplotlib writes 32-bit colour; a chart has few colours besides the anti-aliased edges,
    and a palette of 256 keeps them (no dithering) at a third of the size. Images with
    transparency, and ones already stored with a palette, are left alone.

    Returns
    -------
    bool
        Whether the file was rewritten.
    """
    from PIL import Image

    with Image.open(path) as image:
        image.load()
    if image.mode not in ("RGB", "RGBA"):
        return False
    if image.mode == "RGBA" and image.getchannel("A").getextrema()[0] < 255:
        return False
    palette = image.convert("RGB").quantize(
        256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
    )
    buffer = io.BytesIO()
    palette.save(buffer, "PNG", optimize=True)
    if buffer.tell() >= path.stat().st_size:
        return False
    path.write_bytes(buffer.getvalue())
    return True


def _lighter_images(app, exception):
    """Figures of the site (``_images``) with a palette: a chapter's figures weigh a third."""
    if exception is not None or app.builder.format != "html":
        return
    for path in sorted((Path(app.outdir) / "_images").glob("*.png")):
        palette_png(path)


_CITATION_ROLE = re.compile(r'(<div class="citation" id="[^"]*") role="doc-biblioentry"')
_IMAGE = re.compile(r"<img (?![^>]*\bloading=)")
_LITERAL_WITH_UNDERSCORE = re.compile(r'<span class="pre">([^<]*_[^<]*)</span>')


def accessible_body(body: str) -> str:
    """A page body with the fixes the theme and docutils leave to us.

    - a citation of the reference list is a ``listitem`` of its ``role="list"`` (docutils
      writes the deprecated ``doc-biblioentry``, which a list may not contain);
    - images load lazily (the figures below the first screen are fetched when reached);
    - an identifier in inline code may break after its underscores only.

    Examples
    --------
    >>> accessible_body('<img src="a.png"><code><span class="pre">a_b</span></code>')
    '<img loading="lazy" src="a.png"><code><span class="pre">a_<wbr>b</span></code>'
    """
    body = _CITATION_ROLE.sub(r'\1 role="listitem"', body)
    body = _IMAGE.sub('<img loading="lazy" ', body)
    return _LITERAL_WITH_UNDERSCORE.sub(
        lambda m: f'<span class="pre">{m.group(1).replace("_", "_<wbr>")}</span>', body
    )


#: Stylesheets and scripts of extensions a page needs only when its body uses them.
_OPTIONAL_ASSETS = {
    "sphinx-design": re.compile(r'class="[^"]*\bsd-'),
    "design-tabs": re.compile(r'class="[^"]*\bsd-'),
    "togglebutton": re.compile(r'class="[^"]*\b(toggle|dropdown)\b'),
}


#: What MathJax typesets in a page body (Sphinx's math nodes, MyST-NB's LaTeX outputs).
_MATH = re.compile(r'class="[^"]*\bmath\b|\\\(|\\\[|\$\$')


def _drop_unused_assets(app, pagename, templatename, context, doctree):
    """Leave out sphinx-design's and sphinx-togglebutton's files on pages that use neither
    (70 kB), sphinx-thebe's stylesheet (the book has no live kernels), and MathJax (680 kB)
    on a page without math: Sphinx loads it on a page whose sub-pages have math (the API
    reference's overview)."""
    body = context.get("body") or ""
    has_math = bool(_MATH.search(body))

    def needed(asset) -> bool:
        filename = str(getattr(asset, "filename", asset) or "")
        if "thebe" in filename:
            return False
        inline = str((getattr(asset, "attributes", None) or {}).get("body", ""))
        if not has_math and ("mathjax" in filename or "window.MathJax" in inline):
            return False
        return not any(
            name in filename and not used.search(body) for name, used in _OPTIONAL_ASSETS.items()
        )

    for key in ("css_files", "script_files"):
        if context.get(key):
            context[key] = [asset for asset in context[key] if needed(asset)]


def _accessible_pages(app, pagename, templatename, context, doctree):
    if context.get("body"):
        context["body"] = accessible_body(context["body"])
    generate = context.get("generate_toctree_html")  # the theme's, made anew for each page
    if generate is not None:
        context["generate_toctree_html"] = lambda *a, **k: name_toggles(str(generate(*a, **k)))


#: A sidebar entry with sub-pages: its link, then the theme's disclosure widget, whose
#: <summary> holds only a decorative chevron.
_TOGGLE = re.compile(r'(<a class="[^"]*reference[^"]*"[^>]*>([^<]+)</a><details[^>]*>)<summary>')


def name_toggles(html: str) -> str:
    """Name the sidebar's show/hide toggles after their entry (axe ``summary-name``).

    The theme's ``<summary>`` for an entry with sub-pages has no text, so a screen reader
    announces an unnamed button.

    Examples
    --------
    >>> name_toggles('<a class="reference internal" href="api.html">API reference</a>'
    ...              '<details><summary><span role="presentation"></span></summary>')  # doctest: +ELLIPSIS
    '...<details><summary aria-label="Pages of API reference"><span...'
    """
    return _TOGGLE.sub(lambda m: f'{m.group(1)}<summary aria-label="Pages of {m.group(2)}">', html)


def setup(app):
    """Connect the hooks of this module (called by the book's Sphinx extension)."""
    app.connect("config-inited", _theme_templates)
    app.connect("config-inited", _lighter_mathjax)
    app.connect("html-page-context", _accessible_pages, priority=600)  # after the theme's 500
    app.connect("html-page-context", _drop_unused_assets)
    app.connect("build-finished", _prune_mathjax, priority=900)
    app.connect("build-finished", _subset_icon_fonts, priority=900)
    app.connect("build-finished", _lighter_images)
    app.add_css_file(ICONS_CSS)
