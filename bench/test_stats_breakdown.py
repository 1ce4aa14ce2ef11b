"""The statistics benchmark measures what it claims: the same rows every run, DuckDB answering the engine's question."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stats_breakdown as bench


def test_the_generated_reports_are_the_same_every_run_and_shaped_like_real_ones() -> None:
    rows = bench.generate(4000, seed=7)
    again = bench.generate(4000, seed=7)
    assert rows == again
    assert len(rows) == 4000
    assert min(rows.occurred_on) >= bench.FIRST_DAY and max(rows.occurred_on) <= bench.LAST_DAY
    assert set(rows.region) == {"", *bench.DEMO_REGIONS}
    assert all(1 <= len(types) <= 2 for types in rows.incident_types)
    assert all(1 <= len(biases) <= 2 for biases in rows.bias_motivations)
    assert all(len(ethnicities) <= 2 for ethnicities in rows.targeted_ethnicities)
    assert 0.01 < rows.consent.count(False) / 4000 < 0.06
    kinds = Counter(rows.verification)
    assert 0.005 < kinds["spam"] / 4000 < 0.04 and 0.005 < kinds["duplicate"] / 4000 < 0.04
    # A merged report points at an earlier one (ids are 1-based positions).
    assert all(target is None or target <= index for index, target in enumerate(rows.merged_into))
    assert rows.location_type.count("online") / 4000 == pytest.approx(bench.ONLINE_SHARE, abs=0.03)


@pytest.mark.django_db
def test_duckdb_and_the_engine_give_the_same_answer_on_the_same_rows(tmp_path: Path) -> None:
    from safecommunity.demo.services import load_demo_regions
    from safecommunity.insights.aggregates import statistics_rebuild

    rows = bench.generate(400, seed=11)
    bench.insert_reports(rows, 0, 400, load_demo_regions())
    statistics_rebuild()
    bench.write_reports_csv(rows, tmp_path / "reports.csv")
    duck = bench.duckdb_load(tmp_path / "reports.csv")
    bench.duckdb_resize(duck, 400)
    for query in bench.QUERIES:
        total, counts = bench.engine_answer(query)
        assert (total, counts) == bench.duckdb_answer(duck, query), query.name
        assert total > 0, query.name


@pytest.mark.slow
def test_the_bench_runs_end_to_end_and_judges_the_targets(tmp_path: Path) -> None:
    output = tmp_path / "result.json"
    done = subprocess.run(
        [sys.executable, str(Path(bench.__file__))]
        + ["--sizes", "300,600", "--databases", "sqlite", "--repeat", "1", "--output", str(output)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "engine/duckdb" in done.stdout and ("PASS" in done.stdout or "FAIL" in done.stdout)
    result = json.loads(output.read_text())
    assert result["valid"] is True
    assert [size["size"] for size in result["runs"][0]["sizes"]] == [300, 600]
