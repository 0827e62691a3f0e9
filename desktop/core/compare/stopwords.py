"""Compact stop lists (English, Russian, Ukrainian) for distinctive-term analysis.

Function words, auxiliaries, pronouns and reporting verbs that say nothing about how a source
frames an event. Kept short on purpose: words such as "war", "война" or "війна" must stay countable.
"""

from __future__ import annotations

_ENGLISH = """
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
mr mrs ms also according told tell new year years goes going went get got asked ask
"""

_RUSSIAN = """
а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да даже
для до его ее её если есть еще ещё же за здесь и из или им их к как какой когда кто ли либо
лишь мы на над не него нее неё нет ни них но ну о об однако он она они оно от очень по под
после потому при про с со так также такой там те тем то того тоже той только том тот ту ты у
уже хотя чего чей чем что чтобы чье чьё эта эти это этого этой этом этот я заявил заявила
сказал сказала году года год лет который которая которые которых которое между более
"""

_UKRAINIAN = """
а або але б би був була були було бути в вам вас весь від він вона вони воно всі все всього
всіх ви де для до його її з за зі і із й їх к коли котрий лише між ми на над навіть не нема
немає ні них но о об однак оце по під після при про та так також такий там те тим то того
тож той тільки той ту ти у уже хоча чи що щоб це цей ця ці цього цієї цим я заявив заявила
сказав сказала році року рік років який яка які яких яке
"""

STOP_WORDS: frozenset[str] = frozenset((_ENGLISH + _RUSSIAN + _UKRAINIAN).split())


def is_stop_word(token: str) -> bool:
    """True for a lower-cased token on one of the stop lists."""
    return token in STOP_WORDS
