"""Module boundaries the design depends on, checked by importing in a fresh interpreter."""

import os
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


def test_no_rubric_module_branches_on_a_kind_name():
    """What applies to which kind is catalog data (KindSpec roles and options), never `text.kind == "..."`."""
    import ast
    from pathlib import Path

    offenders = []
    for path in sorted(Path("portfolios/rubric").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Compare):
                continue
            sides = [node.left, *node.comparators]
            names_kind = any(isinstance(side, ast.Attribute) and side.attr == "kind" for side in sides)
            literal = any(
                (isinstance(side, ast.Constant) and isinstance(side.value, str))
                or (
                    isinstance(side, ast.Tuple | ast.Set | ast.List)
                    and any(isinstance(item, ast.Constant) and isinstance(item.value, str) for item in side.elts)
                )
                for side in sides
            )
            if names_kind and literal:
                offenders.append(f"{path}:{node.lineno}")
    assert offenders == []


ACCESS_IMPORT_PROBE = """
import os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "otportfolio.settings")
import django
django.setup()  # the app's ready() loads services itself; forget everything but the models
kept = {"portfolios", "portfolios.apps", "portfolios.models"}
for name in [name for name in sys.modules if name.startswith("portfolios.") and name not in kept]:
    del sys.modules[name]
import portfolios.access
print("\\n".join(sorted(name for name in sys.modules if name.startswith("portfolios.services"))))
"""


def test_access_imports_nothing_from_services():
    """Services may ask access who may act; access never asks services (no cycle, one owner)."""
    environment = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    output = subprocess.run(
        [sys.executable, "-c", ACCESS_IMPORT_PROBE], capture_output=True, text=True, check=True, env=environment
    ).stdout
    assert output.split() == []


URLCONF_IMPORT_PROBE = """
import os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "otportfolio.settings")
import django
django.setup()
import otportfolio.urls
print("\\n".join(sorted(name for name in sys.modules if name == "weasyprint" or name.startswith("weasyprint."))))
"""


def test_serving_pages_does_not_load_the_pdf_renderer_until_a_pdf_is_asked_for():
    """WeasyPrint costs ~0.5 s to import: every worker, command and test process would pay it at start."""
    environment = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    output = subprocess.run(
        [sys.executable, "-c", URLCONF_IMPORT_PROBE], capture_output=True, text=True, check=True, env=environment
    ).stdout
    assert output.split() == []
