"""The `cchc` command line.  Heavy modules are imported inside commands so that
`cchc --help` and a one-file `cchc extract` start fast."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__
from .errors import EXIT_INTERNAL, CchcError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Extract structured data (items, references, dates, bodies, targets, deadlines, "
         "directives) from Vietnamese administrative directive documents.",
)


def _fail(exc: BaseException) -> None:
    if isinstance(exc, CchcError):
        typer.echo(f"cchc: error: {exc.one_line()}", err=True)
        raise typer.Exit(exc.exit_code)
    typer.echo(f"cchc: internal error: {type(exc).__name__}: {' '.join(str(exc).split())[:300]}", err=True)
    raise typer.Exit(EXIT_INTERNAL)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cchc {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """cchc-extract."""


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., help="Files or folders (recursing for .txt); '-' reads stdin."),
    out: Optional[Path] = typer.Option(None, "--out", "-d", help="Write one result per input into this folder."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the single result to this file."),
    fmt: str = typer.Option("json", "--format", "-f", help="json, jsonl, csv, xlsx or ics."),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Worker processes (0 = number of cores)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
    skip_existing: bool = typer.Option(False, "--skip-existing", help="Skip inputs whose output exists."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Force the input encoding."),
    max_bytes: int = typer.Option(50 * 1024 * 1024, "--max-bytes", help="Size limit per input file."),
    pretty: bool = typer.Option(True, "--pretty/--compact", help="Indent JSON output."),
) -> None:
    """Extract one document to stdout (or -o), or many into --out DIR."""
    try:
        from .batch import run_extract

        code = run_extract(paths, out=out, output=output, fmt=fmt, jobs=jobs, quiet=quiet,
                           skip_existing=skip_existing, encoding=encoding, max_bytes=max_bytes,
                           pretty=pretty)
    except typer.Exit:
        raise
    except Exception as exc:  # noqa: BLE001 - one line, never a traceback
        _fail(exc)
    raise typer.Exit(code)


@app.command(name="eval")
def eval_cmd(
    corpus: Path = typer.Argument(..., help="Folder with NAME.txt and NAME.gold.yaml files."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    thresholds: Optional[Path] = typer.Option(None, "--thresholds", help="Thresholds file (default: thresholds.yaml of the repo)."),
    no_gate: bool = typer.Option(False, "--no-gate", help="Never exit non-zero for low scores."),
    per_doc: bool = typer.Option(False, "--per-doc", help="Also print one line of scores per document."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="A previous `cchc eval --json` output: print gains and losses."),
    errors: Optional[str] = typer.Option(None, "--errors", help="List misses, false positives and wrong fields of these kinds (comma-separated, or 'all')."),
) -> None:
    """Score the extractor against gold annotations (ANNOTATION.md)."""
    try:
        from .evaluate.cli import run_eval

        code = run_eval(corpus, as_json=as_json, thresholds=thresholds, gate=not no_gate,
                        per_doc=per_doc, baseline=baseline, errors=errors)
    except typer.Exit:
        raise
    except Exception as exc:  # noqa: BLE001
        _fail(exc)
    raise typer.Exit(code)


@app.command()
def explain(path: Path = typer.Argument(..., help="A document."),
            kind: Optional[str] = typer.Option(None, "--kind", "-k", help="Only this entity kind.")) -> None:
    """Show every entity with the rule that produced it and the candidates it beat."""
    try:
        from .explain import run_explain

        run_explain(path, kind)
    except Exception as exc:  # noqa: BLE001
        _fail(exc)


@app.command()
def show(path: Path = typer.Argument(..., help="A document."),
         html: Path = typer.Option(..., "--html", help="Write the review page here.")) -> None:
    """Write an HTML review page: the document with entities highlighted, and the directives."""
    try:
        from .review import write_review

        write_review(path, html)
    except Exception as exc:  # noqa: BLE001
        _fail(exc)


@app.command()
def schema(out: Path = typer.Option(Path("schemas"), "--out", help="Folder for the JSON Schema files.")) -> None:
    """Write the JSON Schema of the output (and of the rule files) to schemas/."""
    try:
        from .schema_export import write_schemas

        for p in write_schemas(out):
            typer.echo(str(p))
    except Exception as exc:  # noqa: BLE001
        _fail(exc)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("cchc: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":  # pragma: no cover
    main()
