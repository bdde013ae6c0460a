"""claimscope: track claims through the world's news, across languages."""

__version__ = "0.1.0"
