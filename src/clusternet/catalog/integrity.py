"""Row counts and SHA-256 checksums of the real data files, recorded once.

:func:`clusternet.data.load` refuses a real file whose bytes or row count differ from what is
recorded here: a truncated copy (cut at a line boundary, or mid-number), an edited value, a
replaced file. Copying a new real file into ``data/`` means adding its line here
(``python -m clusternet.data --integrity`` prints the line of every real file that lacks
one); ``tests/test_data.py`` fails until it is there. The evidence register
(``evidence/claims.csv``) is the report's own text and is exempt.
"""

from __future__ import annotations

#: data-folder path -> (data rows, SHA-256 of the file's bytes)
FILES = {
    "uk-creative/dcms_creative_sic2007.csv": (
        31,
        "95eb778a81233645337d5902ad660b45639f6ca13dc8879f696dba6ced676628",
    ),
    "eu-h2020/h2020.csv.gz": (
        144726,
        "bafe685bb57c262aeb81ec88c6f9c47cd9d4087224ac264c2aa29fb72d7458cd",
    ),
    "eu-h2020/programme_parts.csv.gz": (
        37441,
        "5ae4987892591cd575fd69b45bfda3c927d0a6b40c258339f04154ca6cead8bb",
    ),
    "network-classics/ht_advice_edges.csv": (
        190,
        "6bf7c637afa9af44f5b8b9422fb423ae86895f7f2722ad440d5bc76bcadd3321",
    ),
    "network-classics/ht_friends_edges.csv": (
        102,
        "48b70ab0529f553a8fd5b0dc4a3caa08d738b04152dbe607c5b76360794c8170",
    ),
    "network-classics/ht_reports_edges.csv": (
        20,
        "85bf23a79df3aa86b8078f6be07b6ee7e51bb0c4d8e0af290c11a977fed2e17c",
    ),
    "network-classics/ht_reports_nodes.csv": (
        21,
        "07bfd744115d18d103bc3769e44ed2f950f0c7733a2ddccc564c2b1be6662d13",
    ),
    "network-classics/jazz_edges.csv": (
        2742,
        "820a5190bc886bf0c8a11d9937b29e515b02fbf0efc89308ca5da752233ee40a",
    ),
    "network-classics/jazz_nodes.csv": (
        198,
        "c8d9022098bff97611e008e4227978c5baf5ea925f1fcdeb556e6ce307a3a728",
    ),
    "network-classics/law_advice_edges.csv": (
        892,
        "d811e2e2d9553ea13bcacc4c8a2b55f7e06eb9b285dfb4d2e9417a4449061c77",
    ),
    "network-classics/law_advice_nodes.csv": (
        71,
        "6c503225fb19cf83a8e749482f9a9b3bc8bb184a636e93ae3d0049c0cac2e020",
    ),
    "network-classics/law_cowork_edges.csv": (
        1104,
        "894b37c83155d57aaeb3669185b08dbf203c2df030b12d84bf2de42c27a952cc",
    ),
    "network-classics/law_friends_edges.csv": (
        575,
        "f6782bf64ee96628d3257853335a8e2ad1b980481549e8b51e4644244e69d950",
    ),
    "network-classics/southern_women_edges.csv": (
        89,
        "be12c238d22d3b0c05d90945e3cd98ccc295d36e1694d598b6b5e52afe773c01",
    ),
    "network-classics/southern_women_nodes.csv": (
        32,
        "fc901109de132ecfc9d766a86e61bdc573c23363f668f7c6c253735c23f765ca",
    ),
    "uk-bres/sic4_segment_lookup.csv": (
        525,
        "3e93942a37c85aa34c73c4641e1a013d898a914650d36c18d571e79e9eedf2bb",
    ),
    "uk-bres/uk_nuts2_sic4_2015_2018.csv.gz": (
        84000,
        "3add046fe05ea1d7722a98614c3bc4357f209b3e337fe22ca79631f7413e5ddc",
    ),
    "us-cbp/US-census-naics4-2017.csv": (
        13272,
        "72819bd9a0d887c386b68c49f81b04cf05a5f04920e9b4c18aae810793e36483",
    ),
    "us-cbp/US-census-naics4-2019.csv": (
        13272,
        "494cd251d9c6ba7dad5fe4e24a48af08bd1150dc5267b7ef5426b5bf898eb207",
    ),
    "us-cbp/US-census-naics4-2020.csv": (
        13250,
        "c88282c5c33aa202c391bd6e06b33f9bc8caec04a0ea7ada2b7825c4bb7a9c76",
    ),
    "us-cbp/US-census-naics4-2021.csv": (
        13267,
        "20fc7f739fb399ed8cc35aef1f335a6c6211266222b1e8bccc2083036aa4ae12",
    ),
    "us-cluster-organisations/cluster_organizations_dps.csv": (
        237,
        "985d8b28b41538cd0cd8747928b3588617ea712a8d569f49069564586ed9f54c",
    ),
    "us-clusters/dps2016_related_clusters.csv": (
        2601,
        "7773d0e110f2bcaf9c1dc59ff2ef189524e130c4f47cdd69caf1f55be062a484",
    ),
    "us-clusters/naics4_2007_to_2017.csv": (
        7,
        "08cc77341ddc444e4e2d6e6b08928ae2bc1c158643349a301dd0ff50b02d9cc3",
    ),
    "us-clusters/porter_clusters_naics2007.csv": (
        1099,
        "d6d1e55d6b8d6277a32be863978583d283173bcff09793f18972d6fe9890b270",
    ),
    "us-patents/uspto_utility_patents_county_2000_2015.csv": (
        3020,
        "276bca3133107c211f105ff84ffd46f3fe2fe7dc330404b9b017342e2f88f953",
    ),
    "us-geography/us_state_adjacency.csv": (
        105,
        "4833644d5b55a322c1535d6a831cef2c875991bd6ca7029da94a467e422cc997",
    ),
    "us-geography/us_states.csv": (
        51,
        "2c0f966c3a7ba553cc979a23889621e5bf15737d4a6b8c5d893170f32c0f89a4",
    ),
}

#: Paths exempt from the integrity record: files the report itself writes as text.
EXEMPT_PREFIXES = ("evidence/",)
