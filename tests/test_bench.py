"""The benchmark times the pipeline's own stage list (make bench runs it; this only checks its wiring)."""
import pytest

from bench import BenchError, stages as bench_stages
from pipeline.stages import STAGES


def test_bench_groups_cover_the_stage_list_in_order():
    groups = bench_stages.grouped()
    assert [stage for group in groups.values() for stage in group] == list(STAGES)


def test_a_stage_missing_from_the_groups_is_an_error(monkeypatch):
    monkeypatch.setitem(bench_stages.GROUPS, "convert", ())
    with pytest.raises(BenchError, match="variants"):
        bench_stages.grouped()
