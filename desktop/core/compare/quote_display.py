"""Quotations as a reader should see them, without altering what is stored.

Web texts keep debris from their pages: Markdown link markup (``[text](#)``), Markdown emphasis
(``*de facto*``, ``**bold**``) and gaps where a linked phrase was lost when the page was saved
("fought for control of , a region", or between two words that cannot be adjacent: "tense since
the that was hit by a as it headed"). The stored quote stays verbatim (its offsets and hash anchor
it); for display the markup is dropped, keeping the linked or emphasised words, and each gap is
shown as "[…]", with a tooltip that says so and gives the quote as stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GAP = "[…]"
_LINK = re.compile(r"\[([^\[\]]*)\]\((?:#|[^()\s]*)\)")
# one to three asterisks around words, opening before a non-space and closing after one
_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,3})(?=[^\s*])([^*\n]*?[^\s*])\1(?![\w*])")
# a word or a comma, then a space, then punctuation that cannot start a word: a lost phrase
_GAP = re.compile(r"(?:(?<=[^\W\d_])|(?<=[,;’”)]))( )(?=[,.;:](?:\s|$))")
# an article, then a word no noun phrase starts with ("since the that was hit by a as it"):
# the linked noun between them was lost; the article "a" only in lower case ("Plan A as")
_FUNCTION_WORDS = (
    "that|as|which|was|were|is|are|has|had|have|of|and|or|but|to|by|for|with|from|who|"
    "whom|whose|it|its|into|than|then|when|where|while"
)
_WORD_GAP = re.compile(rf"(?<![\w-])([Tt]he|[Aa]n|a) (?=(?:{_FUNCTION_WORDS})(?![\w-]))")


@dataclass(frozen=True, slots=True)
class DisplayQuote:
    """The text to show, and a tooltip (empty when the text is the quote as stored)."""

    text: str
    tooltip: str = ""


def display_quote(quote: str) -> DisplayQuote:
    """``quote`` with link markup dropped and lost phrases shown as "[…]"."""
    links = len(_LINK.findall(quote))
    text = _LINK.sub(r"\1", quote)
    text, emphases = _EMPHASIS.subn(r"\2", text)
    text, gaps = _GAP.subn(f" {GAP}", text)
    text, word_gaps = _WORD_GAP.subn(rf"\1 {GAP} ", text)
    gaps += word_gaps
    if not links and not emphases and not gaps:
        return DisplayQuote(quote)
    what = []
    if links:
        what.append(f"{links} link mark-up{'s' if links > 1 else ''} removed")
    if emphases:
        what.append(f"{emphases} emphasis mark-up{'s' if emphases > 1 else ''} removed")
    if gaps:
        what.append(f"{GAP} marks {gaps} phrase{'s' if gaps > 1 else ''} lost with a link")
    return DisplayQuote(text, f"Shown tidied ({'; '.join(what)}). Stored verbatim: {quote}")
