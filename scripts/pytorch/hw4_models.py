"""PyTorch mirrors of Hw4's TorchSharp networks (Hw4.Ml/Models/Cnn.cs and ResidualCnn.cs).

A state_dict exported by ``export --format pt`` loads into these with ``load_state_dict(sd, strict=True)``: the module
tree, names and shapes are the same as on the C# side.

* ``cnn`` (387,810 parameters): four conv blocks (Conv2d 3x3, padding 1, then ReLU), the first three each followed by
  MaxPool2d(2); Flatten (100 x 4 x 4 = 1600 features in C, H, W order); Linear 1600->100; ReLU; Linear 100->10.
  Keys: ``0.0.weight``, ``0.0.bias``, ``2.0.weight``, ..., ``8.weight``, ``10.bias``.
* ``residual`` (568,010 parameters): the same, with blocks "4" and "6" replaced by residual blocks
  ``relu(x + c2(relu(c1(x))))`` (identity shortcut, no normalisation). Keys ``4.c1.weight``, ``6.c2.bias``, ...

Neither network has BatchNorm, so there are no running statistics. The C# side lays activations out channels-last
(Hw4.Ml/Models/ChannelsLast.cs) only for speed; values and the flatten order are those of plain NCHW here.

Input: float32 N x 3 x 32 x 32 in [0, 1], RGB, pixel / 255 (torchvision ToTensor), with no mean/std normalisation:
that is what Hw4's BatchLoader feeds in training and evaluation.
"""

import torch
from torch import nn


def conv_block(in_channels: int, out_channels: int) -> nn.Sequential:
    """conv(cin, cout) of the reference: Conv2d 3x3 padding 1, then ReLU (Hw4's Cnn.ConvBlock)."""
    return nn.Sequential(nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1), nn.ReLU())


class Residual(nn.Module):
    """Hw4's ResidualBlock: y = relu(x + c2(relu(c1(x)))), channels and size preserved."""

    def __init__(self, channels: int):
        super().__init__()
        self.c1 = nn.Conv2d(channels, channels, kernel_size=3, padding=1)
        self.c2 = nn.Conv2d(channels, channels, kernel_size=3, padding=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.relu(x + self.c2(torch.relu(self.c1(x))))


def cnn() -> nn.Sequential:
    """Hw4's Cnn (model kind ``cnn``)."""
    return nn.Sequential(
        conv_block(3, 50), nn.MaxPool2d(2),
        conv_block(50, 100), nn.MaxPool2d(2),
        conv_block(100, 100), nn.MaxPool2d(2),
        conv_block(100, 100),
        nn.Flatten(),
        nn.Linear(1600, 100), nn.ReLU(), nn.Linear(100, 10),
    )


def residual() -> nn.Sequential:
    """Hw4's ResidualCnn (model kind ``residual``)."""
    return nn.Sequential(
        conv_block(3, 50), nn.MaxPool2d(2),
        conv_block(50, 100), nn.MaxPool2d(2),
        Residual(100), nn.MaxPool2d(2),
        Residual(100),
        nn.Flatten(),
        nn.Linear(1600, 100), nn.ReLU(), nn.Linear(100, 10),
    )


def create(kind: str) -> nn.Module:
    """The network of a Hw4 model kind: ``cnn`` or ``residual``."""
    builders = {"cnn": cnn, "residual": residual}
    if kind not in builders:
        raise ValueError(f"unknown model kind {kind!r}; use cnn or residual")
    return builders[kind]()


def load(kind: str, state_dict_path: str) -> nn.Module:
    """Builds the network of ``kind`` and loads an exported state_dict into it (strict), in eval mode."""
    model = create(kind)
    model.load_state_dict(torch.load(state_dict_path, map_location="cpu"), strict=True)
    return model.eval()
