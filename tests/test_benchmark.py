"""`python -m helpers benchmark`: the shape of its output and the figures that do not depend on speed
(nothing here is timed)."""
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def write_synthetic_corpus(out_dir: Path, count: int) -> None:
    if "synthetic_corpus" not in sys.modules:      # its dataclasses look their module up there
        spec = importlib.util.spec_from_file_location("synthetic_corpus", ROOT / "scripts" / "synthetic_corpus.py")
        sys.modules["synthetic_corpus"] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules["synthetic_corpus"])
    sys.modules["synthetic_corpus"].write_corpus([ROOT / "seeds", ROOT / "tests" / "fixtures" / "events"],
                                                 out_dir, count, seed=1)


def test_benchmark_output_on_a_tiny_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    write_synthetic_corpus(corpus, 4)
    done = subprocess.run([sys.executable, "-m", "helpers", "benchmark", str(corpus), "--scale", "2", "--jobs", "1"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    rows = {line.split()[0]: line.split()[1:] for line in lines
            if line.split() and line.split()[0] in ("step", "floor", "extract_1x", "extract_2x")}
    assert rows["step"] == ["articles", "sentences", "tokens", "load_s", "seconds", "articles/s", "tokens/s",
                            "RSS_load_MB", "peak_RSS_MB"]
    figures = {step: dict(zip(rows["step"], values)) for step, values in rows.items() if step != "step"}
    assert [int(figures[step]["articles"]) for step in ("floor", "extract_1x", "extract_2x")] == [4, 4, 8]
    tokens = {step: int(figures[step]["tokens"]) for step in figures}
    assert tokens["floor"] > 0 and tokens["floor"] == tokens["extract_1x"]
    assert tokens["extract_2x"] == 2 * tokens["extract_1x"]       # every file copied twice
    assert int(figures["extract_2x"]["sentences"]) == 2 * int(figures["floor"]["sentences"]) > 0
    for step in figures:
        assert float(figures[step]["seconds"]) > 0 and float(figures[step]["peak_RSS_MB"]) > 0
    assert any(re.fullmatch(r"scaling 2x: time \d+\.\d\dx \(target <= 2\.2x: (met|NOT met)\), "
                            r"peak RSS \d+\.\d\dx \(target <= 1\.3x: (met|NOT met)\)", line) for line in lines)
    assert re.search(r"^extract_1x: \d+ events, \d+ incidents, \d+ claims, 0 files not read$", done.stdout, re.M)
    assert re.fullmatch(r"ratio=\d+\.\d\d", lines[-1])
    # progress on standard error, step by step
    assert "benchmark: 3/3 extraction over 8 articles (2x)" in done.stderr


def test_benchmark_refuses_a_scale_below_two(tmp_path):
    corpus = tmp_path / "corpus"
    write_synthetic_corpus(corpus, 1)
    done = subprocess.run([sys.executable, "-m", "helpers", "benchmark", str(corpus), "--scale", "1"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "--scale must be at least 2" in done.stderr
