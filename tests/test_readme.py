"""The README documents what the code does: commands, exit codes, warning codes."""
from __future__ import annotations

import re

from cchc_extract import errors
from cchc_extract.diagnostics import CODES
from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_first_two_commands_set_up_and_test():
    blocks = re.findall(r"```sh\n(.*?)```", README, re.S)
    first = [ln.split("#")[0].strip() for ln in blocks[0].splitlines() if ln.strip()]
    assert first[:2] == ["make install demo", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_every_warning_code_is_documented():
    for code in CODES:
        assert f"| {code} |" in README, f"{code} missing from the README's warning table"


def test_every_exit_code_is_documented():
    values = {v for k, v in vars(errors).items() if k.startswith("EXIT_")}
    for v in values:
        assert f"| {v} |" in README, f"exit code {v} missing from the README"


def test_no_placeholder_left():
    assert not re.search(r"\b[A-Z]+_SECTION\b", README)
