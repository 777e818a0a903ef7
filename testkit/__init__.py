"""Tools for tests and benchmarks, outside the installed product: synthetic ballot scans.

Not part of the wheel (`[tool.hatch.build.targets.wheel] packages = ["daihoi"]`); available in
the development environment, whose editable install puts the repository root on the path.
"""
