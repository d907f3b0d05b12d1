"""Module boundaries the design depends on, checked by importing in a fresh interpreter."""

import subprocess
import sys

import pytest


def _imported_by(module: str) -> set[str]:
    code = f"import sys, {module}; print('\\n'.join(sorted(sys.modules)))"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(output.split())


@pytest.mark.parametrize(
    "module",
    [
        "portfolios.rubric.engine",
        "portfolios.rubric.evidence",
        "portfolios.rubric.safety",
        "portfolios.rubric.phi",
        "portfolios.rubric.general",
        "portfolios.rubric.goals",
        "portfolios.rubric.overlays",
    ],
)
def test_the_rubric_imports_nothing_from_the_catalog_or_django(module):
    loaded = _imported_by(module)
    assert "portfolios.kinds" not in loaded
    assert "portfolios.tracks" not in loaded
    assert "portfolios.kind_evidence" not in loaded
    assert not any(name == "django" or name.startswith("django.") for name in loaded)
