"""The first edit without an author name asks for one, offers the system user's, remembers it."""

from __future__ import annotations

from typing import Any

from desktop.core.editing import ApplyCode
from desktop.core.editing.identity import system_user_name


def _passage_and_code(window: Any) -> tuple[str, str]:
    with window.workbench.library.unit_of_work() as uow:
        passage = uow.passages.list()[0]
        code = next(
            c.key
            for c in uow.codes.list()
            if c.key not in {coding.code_key for coding in passage.codings}
        )
    return passage.key, code


def test_the_first_edit_asks_for_a_name_and_keeps_it(window: Any) -> None:
    controller = window.session.editing.controller
    window.workbench.author = ""
    offered: list[str] = []
    controller.ask_author = lambda default: offered.append(default) or "Grace Hopper"
    passage, code = _passage_and_code(window)
    assert controller.execute(ApplyCode(passage, code, controller.author))
    assert offered == [system_user_name()]
    assert window.preferences.author == "Grace Hopper"
    assert window.settings.preferences().author == "Grace Hopper"
    with window.workbench.library.unit_of_work() as uow:
        coders = {c.coder for c in uow.passages.get(passage).codings if c.code_key == code}
    assert coders == {"Grace Hopper"}
    controller.author  # noqa: B018 - a second read asks no more
    assert len(offered) == 1


def test_declining_the_name_stores_no_nameless_coding(window: Any) -> None:
    controller = window.session.editing.controller
    window.workbench.author = ""
    warnings: list[str] = []
    controller.ask_author = lambda default: None
    controller.warn = lambda title, message: warnings.append(message)
    passage, code = _passage_and_code(window)
    assert not controller.execute(ApplyCode(passage, code, controller.author))
    assert warnings and "coder's name" in warnings[0]
    with window.workbench.library.unit_of_work() as uow:
        assert all(c.coder for c in uow.passages.get(passage).codings)
