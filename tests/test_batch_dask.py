"""resumefit batch on Dask: the same rows as the local pool, against a LocalCluster."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

distributed = pytest.importorskip("distributed")

from resumefit.batch import build_row, check_folder  # noqa: E402
from resumefit.cli import cli  # noqa: E402
from resumefit.taxonomy import load_taxonomy  # noqa: E402

DEV = Path(__file__).resolve().parents[1] / "fixtures" / "eval" / "dev"


@pytest.fixture(scope="module")
def cluster():
    # In-process workers on TCP: fast to start, and reachable by address like a real cluster.
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp://",
                                  dashboard_address=None) as local, distributed.Client(local) as client:
        yield client


@pytest.fixture
def folder(tmp_path):
    for source in sorted(DEV.glob("*.txt"))[:5]:
        shutil.copy(source, tmp_path / source.name)
    (tmp_path / "empty.md").write_text("")
    (tmp_path / "legacy.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    (tmp_path / "huge.txt").write_text("Led the roadmap. " * 80_000)  # over the size limit given below
    return tmp_path


def rows(results, tax):
    return sorted((build_row(r, tax) for r in results), key=lambda row: row["path"])


def test_dask_gives_the_same_rows_as_the_local_pool(cluster, folder):
    tax = load_taxonomy(None)
    limits = {"max_size": 1_000_000}
    local = rows(check_folder(folder, jobs=2, limits=limits), tax)
    remote = rows(check_folder(folder, scheduler=cluster, limits=limits), tax)
    assert remote == local
    assert {r["path"]: r["status"] for r in remote if r["status"] == "failed"} == {
        "empty.md": "failed", "huge.txt": "failed", "legacy.docx": "failed"}
    assert sum(r["status"] == "scored" for r in remote) == 5


def test_batch_command_with_a_scheduler_address_writes_the_same_csv(cluster, folder, tmp_path):
    local, remote = tmp_path / "local.csv", tmp_path / "remote.csv"
    base = ["batch", str(folder), "-q", "--max-size", "1"]
    assert CliRunner().invoke(cli, base + ["-o", str(local)], catch_exceptions=False).exit_code == 3
    result = CliRunner().invoke(cli, base + ["-o", str(remote), "--scheduler", cluster.scheduler.address],
                                catch_exceptions=False)
    assert result.exit_code == 3
    read = lambda path: sorted(csv.DictReader(open(path, newline="")), key=lambda r: r["path"])  # noqa: E731
    assert read(remote) == read(local) and len(read(local)) == 8
