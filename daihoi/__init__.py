"""daihoi: software that runs a Vietnamese Communist Party congress, register to results.

Layers (docs/architecture.md, enforced by `.importlinter`): core < labels < interchange,
typesetting < db, documents, imports, omr, demo < access < queries < actions < web, cli.
"""

__version__ = "0.1.0"
