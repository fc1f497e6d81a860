#!/usr/bin/env python3
"""Evaluates a state_dict exported by Hw4 (``export --format pt``) on a CIFAR-10 test split, with PyTorch only.

The test images are read from an image-folder zip or folder (test/<class>/<image>, e.g. ../shared/datasets/
cifar10-jpeg.zip) in Hw4's order: entries sorted by their path (ordinal), labels by sorted class-folder name (for
CIFAR-10 that is the official order). Pixels are decoded with PIL, converted to RGB and scaled to [0, 1] as
torchvision's ToTensor does; no normalisation, as in Hw4.

Prints one JSON object: {"model", "images", "correct", "accuracy", "per_class_accuracy", "predictions"?}.

    python3 scripts/pytorch/eval_state_dict.py --model cnn --state-dict best.pt --data ../shared/datasets/cifar10-jpeg.zip
"""

import argparse
import io
import json
import os
import sys
import zipfile

import numpy as np
import torch
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hw4_models  # noqa: E402


def _is_ignored(part: str) -> bool:
    return part.startswith(".") or part == "__MACOSX"


def _test_entries(names):
    """(name, class) of every test/<class>/<image> entry, below an optional single wrapping folder."""
    tops = {n.split("/")[0] for n in names if "/" in n}
    root = ""
    if not ("train" in tops and "test" in tops):
        wrapped = [t for t in tops if not _is_ignored(t)]
        if len(wrapped) == 1:
            root = wrapped[0] + "/"
    found = []
    for name in names:
        if name.endswith("/") or not name.startswith(root):
            continue
        parts = name[len(root):].split("/")
        if len(parts) != 3 or parts[0] != "test" or any(_is_ignored(p) for p in parts):
            continue
        found.append((name, parts[1]))
    return sorted(found, key=lambda e: e[0].encode("utf-8"))


def read_test_set(path: str):
    """uint8 N x 3 x 32 x 32 pixels, int64 labels and class names of the test split at ``path``."""
    if os.path.isdir(path):
        names = []
        for folder, _, files in os.walk(path):
            for f in files:
                names.append(os.path.relpath(os.path.join(folder, f), path).replace(os.sep, "/"))
        read = lambda n: open(os.path.join(path, n), "rb").read()  # noqa: E731
    else:
        archive = zipfile.ZipFile(path)
        names = archive.namelist()
        read = archive.read
    entries = _test_entries(names)
    if not entries:
        raise SystemExit(f"{path}: no test/<class>/<image> entries")
    train_classes = [n.split("/")[-2] for n in names if "/train/" in "/" + n and not n.endswith("/")]
    # Hw4 labels by the sorted class folders of train/ (CIFAR-10's official order is that sorted order too).
    classes = sorted(set(train_classes or [c for _, c in entries]), key=lambda c: c.encode("utf-8"))
    index = {c: i for i, c in enumerate(classes)}
    pixels = np.empty((len(entries), 3, 32, 32), dtype=np.uint8)
    labels = np.empty(len(entries), dtype=np.int64)
    for i, (name, cls) in enumerate(entries):
        with Image.open(io.BytesIO(read(name))) as image:
            rgb = np.asarray(image.convert("RGB"), dtype=np.uint8)
        if rgb.shape != (32, 32, 3):
            raise SystemExit(f"{path}: {name} is {rgb.shape[1]}x{rgb.shape[0]}; every image must be 32x32")
        pixels[i] = rgb.transpose(2, 0, 1)
        labels[i] = index[cls]
    return torch.from_numpy(pixels), torch.from_numpy(labels), classes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", required=True, choices=["cnn", "residual"])
    parser.add_argument("--state-dict", required=True, help="the .pt file written by export --format pt")
    parser.add_argument("--data", required=True, help="image-folder zip or folder with test/<class>/<image>")
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--predictions", action="store_true", help="also print every test image's predicted label")
    args = parser.parse_args()

    model = hw4_models.load(args.model, args.state_dict)
    pixels, labels, classes = read_test_set(args.data)
    predicted = torch.empty_like(labels)
    with torch.no_grad():
        for start in range(0, len(labels), args.batch_size):
            batch = pixels[start:start + args.batch_size].float().div_(255.0)
            predicted[start:start + args.batch_size] = model(batch).argmax(1)
    correct = predicted == labels
    per_class = {c: int(correct[labels == i].sum()) / int((labels == i).sum()) if (labels == i).any() else 0.0 for i, c in enumerate(classes)}
    result = {
        "model": args.model,
        "images": int(len(labels)),
        "correct": int(correct.sum()),
        "accuracy": int(correct.sum()) / len(labels),
        "per_class_accuracy": per_class,
    }
    if args.predictions:
        result["predictions"] = predicted.tolist()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
