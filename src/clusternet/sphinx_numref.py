"""Resolve ``{numref}`` references without re-reading the target page for each one.

Sphinx's standard domain (7.4) unpickles the whole doctree of the page a ``{numref}`` points
to, for every such reference, only to look up the target node's type and identifier: the
book's 72 numbered references cost about 6 s of the 60-s render (a chapter's doctree takes
about 70 ms to unpickle). :class:`NumrefStandardDomain` resolves them exactly as Sphinx does
but reads each target page's doctree once per builder (that is, once per build and per
writing process) and shares it, read-only, between the references.

Enabled by :mod:`clusternet.sphinxext`.
"""

from __future__ import annotations

from sphinx.domains.std import StandardDomain

__all__ = ["NumrefStandardDomain", "setup"]

#: Attribute of the builder holding the doctrees read for numbered references. A builder
#: lives for one build (and is copied into each parallel writing process); it is not
#: pickled with the environment, so nothing read here outlives the build.
_CACHE = "_clusternet_numref_doctrees"


class _TargetDoctrees:
    """``env.get_doctree`` for read-only lookups, reading each page once per builder."""

    def __init__(self, env, builder):
        self._read = env.get_doctree
        self._doctrees = builder.__dict__.setdefault(_CACHE, {})

    def __call__(self, docname: str):
        if docname not in self._doctrees:
            self._doctrees[docname] = self._read(docname)
        return self._doctrees[docname]


class NumrefStandardDomain(StandardDomain):
    """Sphinx's standard domain with cached target doctrees for ``numref``."""

    def _resolve_numref_xref(self, env, fromdocname, builder, typ, target, node, contnode):
        # Sphinx only reads the target doctree (ids, node type, caption): the shared copy is
        # never modified. The page being written has its own copy (get_and_resolve_doctree).
        env.get_doctree = _TargetDoctrees(env, builder)
        try:
            return super()._resolve_numref_xref(
                env, fromdocname, builder, typ, target, node, contnode
            )
        finally:
            del env.get_doctree  # the instance attribute: the class method is back


def setup(app):
    app.add_domain(NumrefStandardDomain, override=True)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
