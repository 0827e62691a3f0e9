"""A compact English stop list for distinctive-term analysis.

Function words, auxiliaries, pronouns and reporting verbs that say nothing about how a source
frames an event. Kept short on purpose: words such as "war" or "peace" must stay countable.
"""

from __future__ import annotations

_WORDS = """
a about above after again against ago all almost also although am among an and another any are
around as at away back be became because become been before being below between both but by
can could did do does doing done down during each either else even ever every few for from
further had has have having he her here hers herself him himself his how however i if in into
is it its itself just last least less like made make many may me might more most much must my
myself near neither no nor not now of off often on once one only or other others our ours
ourselves out over own per perhaps quite rather said same say says she should since so some
still such than that the their theirs them themselves then there these they this those though
through thus to too toward towards under until up upon us very via was we well were what when
where whether which while who whom whose why will with within without would yet you your yours
yourself yourselves s t don didn doesn isn wasn weren won wouldn couldn shouldn ll re ve d m
mr mrs ms also according told tell new year years
"""

STOP_WORDS: frozenset[str] = frozenset(_WORDS.split())


def is_stop_word(token: str) -> bool:
    """True for a lower-cased token on the stop list."""
    return token in STOP_WORDS
