"""Exceptions for bad input and bad configuration, each with its exit code.

Content problems (a typo, an impossible date) are never raised: they become
warnings on the output (see diagnostics.py).
"""
from __future__ import annotations

# Exit codes, documented in the README.
EXIT_OK = 0
EXIT_FAILURES = 1       # a batch finished but some inputs failed
EXIT_USAGE = 2          # bad command line (typer's own code)
EXIT_EVAL_BELOW = 3     # eval score below the thresholds
EXIT_NOT_TEXT = 4       # binary / undecodable / unknown encoding
EXIT_TOO_LARGE = 5      # over the size limit
EXIT_UNREADABLE = 6     # missing file, permission, I/O error
EXIT_RULES = 7          # invalid rule files or gold files
EXIT_INTERNAL = 70      # a bug: reported in one line, never a traceback


class CchcError(Exception):
    exit_code = EXIT_INTERNAL
    code = "E000"

    def one_line(self) -> str:
        return " ".join(str(self).split())


class InputError(CchcError):
    exit_code = EXIT_NOT_TEXT
    code = "E100"


class NotTextError(InputError):
    exit_code = EXIT_NOT_TEXT
    code = "E101"


class EncodingError(InputError):
    exit_code = EXIT_NOT_TEXT
    code = "E102"


class TooLargeError(InputError):
    exit_code = EXIT_TOO_LARGE
    code = "E103"


class UnreadableError(InputError):
    exit_code = EXIT_UNREADABLE
    code = "E104"


class RuleError(CchcError):
    """Invalid rule files: every problem is listed at once."""

    exit_code = EXIT_RULES
    code = "E200"

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(f"{len(problems)} rule problem(s): " + "; ".join(problems))


class GoldError(CchcError):
    exit_code = EXIT_RULES
    code = "E300"
