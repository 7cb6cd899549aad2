"""One page per step, named like its check in ``readiness.checks``."""
