"""resumefit explain ID / resumefit taxonomy"""

from __future__ import annotations

import click


@click.command()
@click.argument("rid", metavar="ID")
@click.option("--taxonomy", type=click.Path(dir_okay=False), default=None, help="Another taxonomy file.")
def explain(rid, taxonomy):
    """Print one responsibility: what counts, why, keywords, templates."""
    from ..errors import TaxonomyError
    from . import ExitCode, fail
    from .options import load_taxonomy_or_exit

    tax = load_taxonomy_or_exit(taxonomy)
    try:
        item = tax.get(rid)
    except KeyError:
        fail(TaxonomyError(f"unknown responsibility id '{rid}'", hint="run 'resumefit taxonomy' to list the ids"), ExitCode.USAGE)
    lines = [f"{item.id}: {item.title}  ({item.category}, weight {item.weight:g})", "",
             "What counts:", f"  {item.evidence}", "", "Why a TPM needs it:", f"  {item.why}", "",
             "Keywords:", "  " + ", ".join(item.keywords)]
    if item.rules:
        lines += ["", "Rules (all parts in one line):"] + [f"  {r}" for r in item.rules]
    if item.mentions:
        lines += ["", "Mentions (partial at most):", "  " + ", ".join(item.mentions)]
    lines += ["", "Suggested bullets:"] + [f"  - {t}" for t in item.templates]
    lines += ["", "Sources: " + ", ".join(item.sources)]
    click.echo("\n".join(lines))


@click.command(name="taxonomy")
@click.option("--taxonomy", "path", type=click.Path(dir_okay=False), default=None, help="Another taxonomy file.")
def taxonomy_cmd(path):
    """List the responsibility ids by category."""
    from .options import load_taxonomy_or_exit

    tax = load_taxonomy_or_exit(path)
    for category in tax.categories:
        click.echo(f"{category.title}:")
        for item in tax.responsibilities:
            if item.category == category.id:
                click.echo(f"  {item.id:<28} {item.title}")


COMMANDS = [explain, taxonomy_cmd]
