"""Specs of every data file, one module per chapter topic (see :mod:`clusternet.data`).

Each module defines ``DATASETS``, a list of :class:`clusternet.data.DatasetSpec`.
"""
