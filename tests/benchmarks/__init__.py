"""On-demand benchmarks; excluded from the default run (see pyproject's norecursedirs)."""
