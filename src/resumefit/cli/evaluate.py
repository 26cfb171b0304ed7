"""resumefit evaluate DIR"""

from __future__ import annotations

import json

import click

ROWS = (("macro_f1", "macro F1 (covered vs not)"), ("micro_f1", "micro F1 (covered vs not)"),
        ("accuracy", "3-class accuracy"), ("gross_error_rate", "gross errors (share)"),
        ("spearman", "Spearman score~fit"), ("auc", "ROC AUC fit>=4 vs <=2"))


@click.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--labels", "labels_dir", type=click.Path(exists=True, file_okay=False), default=None,
              help="Folder holding SLUG.yaml labels (default: beside each resume).")
@click.option("--baseline-dev", type=click.Path(exists=True, file_okay=False), default=None,
              help="Tune the naive baseline's thresholds on this folder (default: on FOLDER itself).")
@click.option("--baseline-labels", type=click.Path(exists=True, file_okay=False), default=None)
@click.option("--taxonomy", type=click.Path(dir_okay=False), default=None)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def evaluate(folder, labels_dir, baseline_dev, baseline_labels, taxonomy, as_json):
    """Measure agreement with human labels, beside a naive TF-IDF baseline."""
    from ..errors import InputError
    from ..evaluate import evaluate as run
    from . import fail
    from .options import load_taxonomy_or_exit

    tax = load_taxonomy_or_exit(taxonomy)
    try:
        result = run(folder, labels_dir=labels_dir, baseline_dev=baseline_dev, baseline_labels_dir=baseline_labels, taxonomy=tax)
    except InputError as exc:
        fail(exc)
    if as_json:
        click.echo(json.dumps(result.to_dict(), indent=2))
        return
    ours, base = result.ours, result.baseline
    click.echo(f"{result.folder}: {ours.resumes} labelled resumes (baseline tuned on {result.baseline_tuned_on})\n")
    click.echo(f"{'metric':<28}{'resumefit':>10}{'baseline':>10}")
    for key, title in ROWS:
        click.echo(f"{title:<28}{getattr(ours, key):>10.3f}{getattr(base, key):>10.3f}")
    click.echo(f"{'gross errors (count)':<28}{ours.gross_errors:>10}{base.gross_errors:>10}")
    click.echo(f"\n{'id':<28}{'P':>6}{'R':>6}{'F1':>6}{'n':>4}   baseline F1")
    for rid, row in ours.per_id.items():
        click.echo(f"{rid:<28}{row['precision']:>6.2f}{row['recall']:>6.2f}{row['f1']:>6.2f}{row['support']:>4}   {base.per_id[rid]['f1']:.2f}")


COMMANDS = [evaluate]
