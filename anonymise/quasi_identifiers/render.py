"""A release's replacements for the quasi-identifiers of one text, as literals for anonymise.operators."""
from __future__ import annotations

from anonymise.operators import entity_label, placeholder
from anonymise.quasi_identifiers.base import QuasiSpan
from anonymise.quasi_identifiers.release_policy import TextQiPolicy


def literals(policy: TextQiPolicy, release: str, spans: list[QuasiSpan], *, labels_korean: bool | None = None
             ) -> list[tuple[int, int, str]]:
    """(start, end, text written instead) for each span ``release`` does not keep.

    A removed span becomes its placeholder (<WORKPLACE>), or with ``labels_korean`` set (publishing's
    surrogate text) its readable label ([직장] / [workplace]).
    """
    out = []
    for span in spans:
        new = policy.replacement(release, span)
        if new is None:
            continue
        if new == "":
            new = placeholder(span.qi_type) if labels_korean is None else entity_label(span.qi_type, labels_korean)
        out.append((span.start, span.end, new))
    return out
