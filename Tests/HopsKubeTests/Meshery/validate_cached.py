"""Runs ../shared/schemas/meshery/validate_design.py with its schema files read once.

usage: python3 validate_cached.py SCHEMA_DIR DESIGN.json...
The script's `retrieve` parses a schema file's YAML each time a $ref is followed, which made one
design take up to three minutes; remembering each file's parsed schema (they never change during
a run) gives the same errors in about a second. Everything else is the published script."""
import functools
import sys

sys.path.insert(0, sys.argv[1])
import validate_design  # noqa: E402

validate_design.retrieve = functools.lru_cache(maxsize=None)(validate_design.retrieve)
sys.exit(validate_design.main(sys.argv[2:]))
