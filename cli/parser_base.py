"""What every parser of the command line is made of: `Parser`, whose errors are one
line in the language of the messages (argparse's own English translated), the help
layout that keeps examples copyable, and `command`, a subcommand with its summary,
description and examples."""

from __future__ import annotations

import argparse
import re
import textwrap
from collections.abc import Callable
from typing import NoReturn

from cli.packaged import program_name
from models.storage.targets import scrub
from models.vocabulary.i18n import _


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr (exit status 2), in the
    language of the messages (argparse itself only speaks English)."""

    def error(self, message: str) -> NoReturn:
        # scrub: a URL typed where a command was expected is echoed back by argparse.
        text = " ".join(scrub(translate_argparse(message)).split("\n"))
        self.exit(2, f"{self.prog}: {text} (--help)\n")


def _unquote(text: str) -> str:
    """``'x'`` (argparse shows values with repr) → ``x``."""
    return text[1:-1] if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"" else text


def _choices(text: str) -> str:
    return ", ".join(_unquote(c.strip()) for c in text.split(","))


# argparse's messages (Python 3.11 to 3.13) and what to say instead; the first match wins.
_ARGPARSE: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (
        re.compile(r"the following arguments are required: (?P<names>.+)"),
        lambda m: _("Missing: {names}.").format(names=m["names"]),
    ),
    (
        re.compile(
            r"argument (?P<arg>\S+): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)"
        ),
        lambda m: _("{argument}: ‘{value}’ is not one of {choices}.").format(
            argument=m["arg"], value=_unquote(m["value"]), choices=_choices(m["choices"])
        ),
    ),
    (
        re.compile(r"argument (?P<arg>\S+): expected (?:one|at least one|at most one) argument"),
        lambda m: _("{argument} needs a value after it.").format(argument=m["arg"]),
    ),
    (
        re.compile(r"argument (?P<arg>\S+): invalid \S+ value: (?P<value>.+)"),
        lambda m: _("{argument}: ‘{value}’ is not a valid value.").format(
            argument=m["arg"], value=_unquote(m["value"])
        ),
    ),
    # Options of which only one may be given (print statement --out | --image, confirm …).
    (
        re.compile(r"one of the arguments (?P<names>.+) is required"),
        lambda m: _("Give one of {names}.").format(names=", ".join(m["names"].split())),
    ),
    (
        re.compile(r"argument (?P<arg>\S+): not allowed with argument (?P<other>\S+)"),
        lambda m: _("{argument} and {other} cannot be given together: choose one.").format(
            argument=m["other"], other=m["arg"]
        ),
    ),
    (
        re.compile(r"unrecognized arguments: (?P<args>.+)"),
        lambda m: _("Not understood: {args}.").format(args=m["args"]),
    ),
    (
        re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)"),
        lambda m: _("{option} is ambiguous: it could mean {matches}.").format(
            option=m["option"], matches=m["matches"]
        ),
    ),
    # Our own type checks (dates, counts) already give a translated sentence.
    (
        re.compile(r"argument (?P<arg>\S+): (?P<problem>.+)", re.DOTALL),
        lambda m: _("{argument}: {problem}").format(argument=m["arg"], problem=m["problem"]),
    ),
)


def translate_argparse(message: str) -> str:
    """One of argparse's English error messages as a sentence in the current language;
    a message it does not know is kept as it is."""
    for pattern, say in _ARGPARSE:
        match = pattern.fullmatch(message.strip())
        if match:
            return say(match)
    return message


class HelpFormatter(argparse.HelpFormatter):
    """Wraps descriptions to the terminal, but keeps the example lines (indented) as
    they are so they can be copied."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines = []
        for line in text.splitlines():
            if line.startswith("  ") or not line:
                lines.append(indent + line)
            else:
                # A path (the shipped docs) is never cut at a hyphen: it must copy whole.
                lines.append(textwrap.fill(line, width, initial_indent=indent,
                                           subsequent_indent=indent, break_on_hyphens=False,
                                           break_long_words=False))  # fmt: skip
        return "\n".join(lines)


def command(
    group: argparse._SubParsersAction,
    name: str,
    summary: str,
    description: str,
    examples: tuple[str, ...],
    parents: list[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """A subcommand whose --help says what it does, its defaults, and how to call it.
    The examples are written for ``main.py``; they name the program as it was started."""
    prog = program_name()
    lines = [_("Examples:"), *(f"  {example.replace('main.py', prog, 1)}" for example in examples)]
    return group.add_parser(
        name,
        parents=parents,
        help=summary,
        description=description,
        epilog="\n".join(lines),
        formatter_class=HelpFormatter,
    )
