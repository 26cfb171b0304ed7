import json

import pytest
from click.testing import CliRunner

from resumefit.cli import ExitCode, cli

from conftest import SAMPLES


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return invoke


def test_check_prints_a_plain_report(run):
    result = run("check", SAMPLES / "strong-tpm.pdf")
    assert result.exit_code == ExitCode.OK
    assert result.output.startswith("Technical Product Manager fit: ")
    assert "covered" in result.output and "\x1b[" not in result.output


def test_check_json_to_file_is_written_whole(run, tmp_path):
    out = tmp_path / "r.json"
    result = run("check", SAMPLES / "nurse.docx", "--output", out)
    assert result.exit_code == 0
    data = json.loads(out.read_text())
    assert data["score"] <= 10
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_output_into_missing_folder_fails_cleanly(run, tmp_path):
    result = run("check", SAMPLES / "nurse.txt", "--output", tmp_path / "no" / "r.md")
    assert result.exit_code == ExitCode.INPUT
    assert "does not exist" in result.output


def test_fail_under(run):
    assert run("check", SAMPLES / "nurse.txt", "--fail-under", 50).exit_code == ExitCode.BELOW_THRESHOLD
    assert run("check", SAMPLES / "strong-tpm.txt", "--fail-under", 50).exit_code == ExitCode.OK


def test_missing_file_is_one_clear_line(run, tmp_path):
    missing = tmp_path / "nope.pdf"
    result = run("check", missing)
    assert result.exit_code == ExitCode.INPUT
    assert result.output == f"resumefit: {missing}: no such file (check the path)\n"


def test_empty_file_is_one_clear_line(run, tmp_path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    result = run("check", empty)
    assert result.exit_code == ExitCode.INPUT
    assert result.output.startswith(f"resumefit: {empty}: the file is empty (")
    assert result.output.count("\n") == 1 and "Traceback" not in result.output


def test_unreadable_pdf_is_one_clear_line(run, tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\n garbage that is not a pdf")
    result = run("check", bad)
    assert result.exit_code == ExitCode.INPUT
    assert result.output.startswith(f"resumefit: {bad}: ") and result.output.count("\n") == 1


def test_usage_errors_exit_2(run, tmp_path):
    assert run("check").exit_code == ExitCode.USAGE
    assert run("check", SAMPLES / "nurse.txt", "--format", "pdf").exit_code == ExitCode.USAGE
    bad = tmp_path / "t.yaml"
    bad.write_text("role: x\n")
    result = run("check", SAMPLES / "nurse.txt", "--taxonomy", bad)
    assert result.exit_code == ExitCode.USAGE
    assert result.output.startswith(f"resumefit: {bad}: 'categories' must be a non-empty list")


def test_custom_taxonomy(run, mini_taxonomy_path):
    result = run("check", SAMPLES / "strong-tpm.txt", "--taxonomy", mini_taxonomy_path, "--format", "json")
    data = json.loads(result.output)
    assert data["role"] == "Test Role" and [r["id"] for r in data["responsibilities"]] == ["interviews", "dashboards"]


def test_explain_prints_the_entry(run):
    result = run("explain", "customer-needs")
    assert result.exit_code == 0
    for part in ("customer-needs: Customer discovery and empathy", "What counts:", "Why a TPM needs it:",
                 "Keywords:", "Suggested bullets:", "Sources: "):
        assert part in result.output


def test_explain_unknown_id(run):
    result = run("explain", "nope")
    assert result.exit_code == ExitCode.USAGE
    assert "unknown responsibility id 'nope'" in result.output


def test_taxonomy_lists_ids_by_category(run):
    result = run("taxonomy")
    assert result.output.startswith("Strategy:\n  product-strategy")
    assert result.output.count("\n  ") == 23


def test_every_command_has_help(run):
    for name, command in cli.commands.items():
        assert command.help, name
        assert run(name, "--help").exit_code == 0


def test_written_report_has_ordinary_permissions(run, tmp_path):
    import os
    import stat

    out = tmp_path / "r.md"
    assert run("check", SAMPLES / "nurse.txt", "--output", out).exit_code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask
