"""Read stage: find articles in files, folders, archives, feeds, dumps and URLs."""

from claimscope.read.sources import ReadOptions, read_inputs

__all__ = ["ReadOptions", "read_inputs"]
