"""daihoi: software that runs a Vietnamese Communist Party congress, register to results.

Layers (docs/architecture.md): core (pure rules) < interchange, exports, demo < cli.
"""

__version__ = "0.1.0"
