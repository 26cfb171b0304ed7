"""resumefit extract FILE"""

from __future__ import annotations

import json

import click

from .options import input_options, limits_from


@click.command()
@click.argument("file", type=click.Path(dir_okay=True))
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@input_options
def extract(file, fmt, taxonomy, password, max_size, max_pages, timeout):
    """Print the text exactly as resumefit reads it, section by section."""
    from ..api import parse_resume
    from ..errors import InputError
    from . import fail

    try:
        resume = parse_resume(file, limits=limits_from(max_size, max_pages, timeout), password=password)
    except InputError as exc:
        fail(exc)
    if fmt == "json":
        click.echo(json.dumps(resume.to_dict(), indent=2, ensure_ascii=False))
        return
    out = [f"# {resume.source} ({resume.format}{f', {resume.pages} page(s)' if resume.pages else ''})"]
    out += [f"! {w.message}" for w in resume.warnings]
    for section in resume.sections:
        out += ["", f"[{section.name}] {section.heading}".rstrip()]
        out += [f"  {'•' if line.kind == 'bullet' else ('»' if line.kind == 'entry' else ' ')} {line.text}" for line in section.lines]
    click.echo("\n".join(out))


COMMANDS = [extract]
