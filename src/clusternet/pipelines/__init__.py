"""Global pipelines versus local interaction: collaboration profiles and innovation logits.

Helpers for the chapter on Fitjar and Rodriguez-Pose's survey of firms in Norway's five
largest city-regions. A *collaboration survey* is a DataFrame with one row per firm and
one column ``<type>_<scale>`` per partner type and geographic scale, holding the number of
partners of that type at that scale (or 1/0 for "collaborated or not"). From it the
helpers build

- collaboration profiles: the share of firms with each kind of partner, with Wilson
  confidence intervals, overall or by city-region (:func:`collaboration_profile`);
- the number of partner *types* at each scale (:func:`add_partner_counts`), a stand-in
  for the "more diverse set of international partners" of Fitjar and Rodriguez-Pose's
  (2011) abstract (the paper's own coding is unverified), and counts by learning mode, STI
  versus DUI (Jensen et al. 2007; :func:`add_mode_counts`);
- logit models of innovation through the statsmodels formula API
  (:func:`fit_pipeline_logit`) reported as odds ratios and average marginal effects with
  confidence intervals (:func:`pipeline_results_table`);
- the comparison behind "pipelines are four times more powerful than local interaction":
  the ratio of two coefficients with delta-method, Fieller and bootstrap intervals, and
  their difference (:func:`pipeline_effect_comparison`, :func:`clusternet.models.fieller_ratio_interval`,
  :func:`bootstrap_ratio_interval`);
- a test of complementarity between local and distant partners
  (:func:`pipeline_complementarity`);
- for tie lists between economies (the GitHub Innovation Graph): partner concentration,
  reciprocity, hubs and their change between two periods (:func:`partner_concentration`,
  :func:`tie_reciprocity`, :func:`network_reciprocity`, :func:`collaboration_hubs`,
  :func:`concentration_change`).

The vocabularies of the Norwegian survey (partner types, scales, city-regions) are defined
in ``clusternet.catalog.pipelines``; the chapter's settings (its controls, regions,
bootstrap) live in ``clusternet.book.global_pipelines``.

Modules: ``survey`` (validation and counts), ``profile`` (collaboration profiles),
``logit`` (models and their tables), ``ratio`` (difference and ratio of two effects),
``complementarity`` (local and distant partners together), ``economy_ties`` (ties between
economies).

References
----------
- Fitjar, R. D. and Rodriguez-Pose, A. (2011). When local interaction does not suffice:
  sources of firm innovation in urban Norway. *Environment and Planning A* 43(6).
- Fitjar, R. D. and Rodriguez-Pose, A. (2013). Firm collaboration and modes of innovation
  in Norway. *Research Policy* 42(1), 128-138.
- Bathelt, H., Malmberg, A. and Maskell, P. (2004). Clusters and knowledge: local buzz,
  global pipelines and the process of knowledge creation. *Progress in Human Geography*
  28(1), 31-56.
- Fieller, E. C. (1954). Some problems in interval estimation. *Journal of the Royal
  Statistical Society B* 16(2), 175-185.
"""

from clusternet.pipelines.complementarity import pipeline_complementarity
from clusternet.pipelines.economy_ties import (
    collaboration_hubs,
    concentration_change,
    network_reciprocity,
    partner_concentration,
    tie_reciprocity,
)
from clusternet.pipelines.logit import SCALE_REGRESSORS as SCALE_REGRESSORS
from clusternet.pipelines.logit import fit_pipeline_logit, pipeline_results_table
from clusternet.pipelines.profile import collaboration_profile
from clusternet.pipelines.ratio import (
    BootstrapRatioResult,
    bootstrap_ratio_interval,
    pipeline_effect_comparison,
)
from clusternet.pipelines.survey import INNOVATION_MODES as INNOVATION_MODES
from clusternet.pipelines.survey import (
    add_mode_counts,
    add_partner_counts,
    validate_collaboration_survey,
)

__all__ = [
    "validate_collaboration_survey",
    "add_partner_counts",
    "add_mode_counts",
    "collaboration_profile",
    "fit_pipeline_logit",
    "pipeline_results_table",
    "BootstrapRatioResult",
    "bootstrap_ratio_interval",
    "pipeline_effect_comparison",
    "pipeline_complementarity",
    "partner_concentration",
    "tie_reciprocity",
    "network_reciprocity",
    "collaboration_hubs",
    "concentration_change",
]
