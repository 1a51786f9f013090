"""The apps' dependencies point one way (.importlinter): checked on every test run, as in CI."""

import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(config):
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(config), "--no-cache"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_every_architecture_contract_is_kept():
    result = lint_imports(PROJECT / ".importlinter")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_broken_contract_is_reported(tmp_path):
    """The linter reads the real import graph: pages does import operations' caching, so this fails."""
    config = tmp_path / "contracts.ini"
    config.write_text(
        "[importlinter]\nroot_packages =\n    pages\n    operations\n\n"
        "[importlinter:contract:wrong]\nname = pages imports nothing of operations\ntype = forbidden\n"
        "source_modules =\n    pages\nforbidden_modules =\n    operations\n"
    )
    result = lint_imports(config)
    assert result.returncode == 1
    assert "pages.navigation -> operations.caching" in result.stdout
