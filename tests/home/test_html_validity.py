"""Every public page type is valid HTML by the Nu HTML Checker (vnu-jar, run on Java)."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import one_live_page_per_type

VNU_JAR = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist"
VNU_JAR = VNU_JAR / "vnu.jar"

# Pages that are not a page type of their own but are public all the same.
# Search: a corrected search ("Showing results for"), one that insists on its spelling ("Did
# you mean" with nothing found), and one that finds nothing.
EXTRA_PATHS = [
    "/no-such-page/",
    "/search/?q=siatica",
    "/search/?q=siatica&as_typed=1",
    "/search/?q=xylophone",
]


def run_vnu(files):
    java = shutil.which("java")
    if not java or not VNU_JAR.exists():
        message = "The HTML checker needs java and node_modules/vnu-jar (run `make test`)."
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]


@pytest.mark.django_db
def test_every_public_page_type_is_valid_html(client, demo_site, tmp_path):
    paths = [page.url for page in one_live_page_per_type()] + EXTRA_PATHS
    files = []
    for number, path in enumerate(paths):
        response = client.get(path)
        assert response.status_code in (200, 404), path
        file = tmp_path / f"page-{number}.html"
        file.write_bytes(response.content)
        files.append(file)

    errors = run_vnu(files)
    by_file = {str(file): path for file, path in zip(files, paths, strict=True)}
    report = "\n".join(
        f"{by_file.get(e.get('url', '').removeprefix('file:'), e.get('url'))}: "
        f"line {e.get('lastLine')}: {e.get('message')}"
        for e in errors
    )
    assert not errors, f"The HTML checker found {len(errors)} error(s):\n{report}"
