#!/usr/bin/env python3
"""Writes docs/results.md from the `train --json` outputs of the two 15-epoch runs.

Usage: scripts/results-md.py CNN_JSON RESIDUAL_JSON [--time CNN_TIME_FILE RESIDUAL_TIME_FILE] [--note NOTE_MD]
                             [--out docs/results.md]
Each *_JSON is the stdout of `Hw4.Dashboard train ... --json` (its last line is the result object). A *_TIME_FILE is the
stderr of `/usr/bin/time -f "%e s wall, peak RSS %M KB"` around that command (its last line is read). The worst-class
example images are copied from each run folder into docs/results/<model>/. NOTE_MD (how and where the runs were
made) is inserted after the summary table.
"""
import json
import re
import shutil
import sys
from pathlib import Path

SEED = {"cnn": 0.613, "residual": 0.635}  # the seed homework's reported test accuracies


def last_json(path):
    lines = [l for l in Path(path).read_text().splitlines() if l.strip()]
    return json.loads(lines[-1])


def last_line(path):
    lines = [l for l in Path(path).read_text().replace("\r", "\n").splitlines() if l.strip()]
    return lines[-1] if lines else ""


def wall_and_rss(line):
    match = re.search(r"([0-9.]+) s wall, peak RSS ([0-9]+) KB", line or "")
    if not match:
        return "–"
    seconds, kb = float(match.group(1)), int(match.group(2))
    return f"{seconds:.0f} s ({seconds / 60:.1f} min), {kb / 1024 / 1024:.2f} GB"


def main(argv):
    args = list(argv)
    out = Path("docs/results.md")
    times = {}
    note = ""
    if "--note" in args:
        i = args.index("--note"); note = Path(args[i + 1]).read_text().strip(); del args[i:i + 2]
    if "--out" in args:
        i = args.index("--out"); out = Path(args[i + 1]); del args[i:i + 2]
    if "--time" in args:
        i = args.index("--time"); times = {"cnn": last_line(args[i + 1]), "residual": last_line(args[i + 2])}; del args[i:i + 3]
    runs = [last_json(p) for p in args[:2]]
    docs = out.parent
    md = ["# Results: both models, 15 epochs on the shared CIFAR-10", ""]
    md += ["Produced by `scripts/results-md.py` from the `--json` output of these commands (Release build, repository root,",
           "`../shared` beside it, CPU, 2 threads):", "",
           "    dotnet build -c Release Hw4.Dashboard",
           "    /usr/bin/time -f \"%e s wall, peak RSS %M KB\" dotnet Hw4.Dashboard/bin/Release/net10.0/Hw4.Dashboard.dll \\",
           "      train --data ../shared/datasets/cifar10-jpeg.zip --model cnn|residual --epochs 15 --json", "",
           "Recipe (the seed's): Adam lr 1e-4, batch 64, 15 epochs, seed 0, 45,000 train / 5,000 validation (seeded split),",
           "flip + small affine + colour-jitter augmentation, best epoch = lowest validation loss, test = the 10,000 test images.", ""]
    md += ["## Summary", "",
           "| model | parameters | best epoch | test accuracy | seed's test accuracy | training img/s (mean of epochs) | wall time (whole command), peak RSS |",
           "|---|---|---|---|---|---|---|"]
    for r in runs:
        rates = [e["images_per_second"] for e in r["epochs"]]
        md.append(f"| {r['model']} | {r['parameters']:,} | {r['best_epoch']} | **{r['test']['accuracy']:.4f}** | "
                  f"{SEED[r['model']]:.3f} | {sum(rates) / len(rates):.0f} | {wall_and_rss(times.get(r['model']))} |")
    md.append("")
    if note:
        md += [note, ""]
    classes = list(runs[0]["test"]["per_class_accuracy"].keys())
    md += ["## Per-class test accuracy", "", "| class | " + " | ".join(r["model"] for r in runs) + " | residual − cnn |",
           "|---|" + "---|" * (len(runs) + 1)]
    for c in classes:
        accs = [r["test"]["per_class_accuracy"][c] for r in runs]
        md.append(f"| {c} | " + " | ".join(f"{a:.3f}" for a in accs) + f" | {accs[1] - accs[0]:+.3f} |")
    md.append("")
    for r in runs:
        model, test = r["model"], r["test"]
        md += [f"## {model}", "", f"Run `{r['run_id']}`, {r['parameters']:,} parameters, status {r['status']}.", "",
               "| epoch | train loss | val loss | val accuracy | seconds | img/s |", "|---|---|---|---|---|---|"]
        for e in r["epochs"]:
            mark = " ← best" if e["epoch"] == r["best_epoch"] else ""
            md.append(f"| {e['epoch']}{mark} | {e['train_loss']:.4f} | {e['val_loss']:.4f} | {e['val_accuracy']:.4f} | "
                      f"{e['seconds']:.0f} | {e['images_per_second']:.0f} |")
        md += ["", f"Test accuracy of epoch {r['best_epoch']}'s checkpoint: **{test['accuracy']:.4f}** on {test['images']:,} "
               f"images (seed: {SEED[model]:.3f}). Worst class: **{test['worst_class']}**, most often predicted as "
               f"**{test['most_confused_with']}**.", "", "Confusion matrix (rows = true class, columns = predicted):", "",
               "| true \\ predicted | " + " | ".join(classes) + " |", "|---|" + "---|" * len(classes)]
        for c, row in zip(classes, test["confusion_matrix"]):
            md.append(f"| **{c}** | " + " | ".join(str(v) for v in row) + " |")
        md += ["", f"Test images of true class {test['worst_class']} predicted as {test['most_confused_with']} "
               "(upscaled 4×; caption: predicted probability):", ""]
        target = docs / "results" / model
        target.mkdir(parents=True, exist_ok=True)
        cells = []
        for ex in test["examples"]:
            if not ex.get("file"):
                continue
            source = Path(r["run_dir"]) / ex["file"]
            shutil.copyfile(source, target / source.name)
            rel = f"results/{model}/{source.name}"
            cells.append(f"![test #{ex['index']}: {ex['true_class']} → {ex['predicted_class']}]({rel})<br>"
                         f"#{ex['index']} p={ex['probability']:.2f}")
        for i in range(0, len(cells), 5):
            row = cells[i:i + 5]
            if i == 0:
                md += ["| " + " | ".join(" " for _ in row) + " |", "|" + "---|" * len(row)]
            md.append("| " + " | ".join(row) + " |")
        md.append("")
    out.write_text("\n".join(md) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
