"""The CLI's help (issue 19): `reader --help` says `reader` alone opens the window, `reader
search --help` explains the query language with examples and every filter, and every option of
every command has a description."""

from __future__ import annotations

import argparse

from reader.cli import build_parser
from reader.search.filters import FILTERS
from tests.reader_cli import run


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def test_reader_help_says_that_reader_alone_opens_the_window():
    shown = run("--help")
    assert shown.returncode == 0
    assert "Run `reader` with no command to\nopen the window" in shown.stdout or \
        "with no command to open the window" in " ".join(shown.stdout.split())
    assert "reader                                  open the window" in shown.stdout


def test_search_help_explains_the_query_language_with_examples():
    text = run("search", "--help").stdout
    for words in ("a OR b", "-word, NOT word", '"exact phrase"', "examples:",
                  "reader search 红色物业 OR 业委会", "is:unread"):
        assert words in text, words
    for spec in FILTERS:  # every filter of the registry, with its aliases
        assert f"  {spec.name}:VALUE" in text
        for alias in spec.aliases:
            assert f"{alias}:" in text


def test_every_option_of_every_command_has_a_description():
    parser = build_parser()
    missing = []
    for name, command in {"reader": parser, **_commands(parser)}.items():
        for action in command._actions:
            if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction,
                                   argparse._VersionAction)):
                continue
            if not (action.help or "").strip():
                missing.append(f"{name} {'/'.join(action.option_strings) or action.dest}")
        for sub_name, sub in _commands(command).items() if command is not parser else ():
            missing += [f"{name} {sub_name} {a.dest}" for a in sub._actions
                        if not isinstance(a, argparse._HelpAction) and not (a.help or "").strip()]
    assert missing == []
