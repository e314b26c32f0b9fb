"""Train the project's spaCy pipeline (tagger, morphologizer, parser, lemmatizer) on a UD treebank.

    python scripts/train_parser.py TREEBANK_DIR [--out models/en_standoff_ud] [--work build/parser]

TREEBANK_DIR holds the Universal Dependencies English Web Treebank (`en_ewt-ud-train.conllu`,
`-dev.conllu`, `-test.conllu`). The steps: convert the CoNLL-U files to spaCy's binary format, train
with `training/parser.cfg` (the best model on dev is kept), evaluate it on the test split, and
replace OUT with it, its test scores in `evaluation.json` and its provenance in `meta.json`.
OUT is replaced only when every step succeeded.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "training" / "parser.cfg"
SPLITS = ("train", "dev", "test")
LICENSE = "CC BY-SA 4.0"
TREEBANK = "Universal Dependencies English Web Treebank (UD_English-EWT)"


def treebank_files(treebank: Path) -> dict[str, Path]:
    files = {split: treebank / f"en_ewt-ud-{split}.conllu" for split in SPLITS}
    missing = [str(path) for path in files.values() if not path.is_file()]
    if missing:
        sys.exit(f"error: {treebank}: missing treebank file(s): {', '.join(missing)}")
    return files


def spacy(*arguments: str | Path) -> None:
    command = [sys.executable, "-m", "spacy", *map(str, arguments)]
    print("$", " ".join(command), flush=True)
    subprocess.run(command, check=True)


def convert(files: dict[str, Path], corpus: Path) -> dict[str, Path]:
    """CoNLL-U -> .spacy, ten sentences a document (so the parser also learns sentence ends)."""
    corpus.mkdir(parents=True, exist_ok=True)
    for path in files.values():
        spacy("convert", path, corpus, "--converter", "conllu", "--n-sents", "10")
    return {split: corpus / f"{path.stem}.spacy" for split, path in files.items()}


def evaluate(model: Path, test: Path, output: Path) -> dict:
    spacy("evaluate", model, test, "--output", output)
    scores = json.loads(output.read_text())
    return {"pos_acc": scores["pos_acc"], "tag_acc": scores["tag_acc"], "lemma_acc": scores["lemma_acc"],
            "dep_uas": scores["dep_uas"], "dep_las": scores["dep_las"],
            "dep_las_per_type": scores.get("dep_las_per_type", {})}


def describe(model: Path, scores: dict, treebank: Path) -> None:
    meta_path = model / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta.update({
        "name": "standoff_ud", "version": "1.0.0", "license": LICENSE,
        "description": "Tagger, morphologizer, dependency parser and lemmatizer trained by the project "
                       f"on the {TREEBANK} with training/parser.cfg; scores in evaluation.json are on "
                       "the treebank's test split with gold tokens.",
        "sources": [{"name": TREEBANK, "url": "https://github.com/UniversalDependencies/UD_English-EWT",
                     "license": LICENSE}],
    })
    meta_path.write_text(json.dumps(meta, indent=2) + "\n")
    summary = {key: round(value, 4) for key, value in scores.items() if key != "dep_las_per_type"}
    summary["dep_las_per_type"] = {label: {k: round(v, 4) for k, v in values.items()}
                                   for label, values in sorted(scores["dep_las_per_type"].items())}
    summary["treebank"] = treebank.name
    (model / "evaluation.json").write_text(json.dumps(summary, indent=2) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("treebank", type=Path, help="folder with en_ewt-ud-{train,dev,test}.conllu")
    parser.add_argument("--out", type=Path, default=ROOT / "models" / "en_standoff_ud")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "parser",
                        help="scratch folder for the converted corpus and training checkpoints")
    parser.add_argument("--trained", type=Path,
                        help="skip training: evaluate and install this already trained pipeline folder "
                             "(e.g. a checkpoint of an earlier run)")
    args = parser.parse_args()
    corpus = convert(treebank_files(args.treebank), args.work / "corpus")
    if args.trained:
        if not (args.trained / "config.cfg").is_file():
            sys.exit(f"error: {args.trained}: not a spaCy pipeline folder (no config.cfg)")
        best = args.trained
    else:
        trained = args.work / "training"
        spacy("train", CONFIG, "--output", trained, "--paths.train", corpus["train"], "--paths.dev", corpus["dev"])
        best = trained / "model-best"
    scores = evaluate(best, corpus["test"], args.work / "test-scores.json")
    staged = args.out.with_name(args.out.name + ".new")
    shutil.rmtree(staged, ignore_errors=True)
    shutil.copytree(best, staged)
    describe(staged, scores, args.treebank)
    shutil.rmtree(args.out, ignore_errors=True)
    staged.rename(args.out)
    print(f"wrote {args.out}: POS {scores['pos_acc']:.3f}, UAS {scores['dep_uas']:.3f}, "
          f"LAS {scores['dep_las']:.3f} on the test split")


if __name__ == "__main__":
    main()
