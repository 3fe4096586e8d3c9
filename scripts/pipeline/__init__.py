"""The seed-to-page pipeline, one module per stage; stages.py lists them in
order and build.py is the entry point (cache.py keeps finished articles,
reports.py writes what a build tells an editor)."""
