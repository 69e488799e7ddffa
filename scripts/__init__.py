"""Tools around the site: the shell scripts (setup, build, serve, test, lock, bench) and the Python
tools they call. Python code imports them as a package, `from scripts.static_server import
StaticServer`, never by file path (the repository root is on `sys.path` through the `.pth` file
scripts/setup writes into .venv).

- `scripts.static_server`: the one static server (scripts/serve, the tests, the PDF handouts, the
  offline bundle, whose copy `bundel_luring/sajikan.py` runs on a trainer's laptop without this
  repository);
- `scripts.bundel_pdf`, `scripts.bundel`: the trainer handouts and the offline bundle, made from a
  built site.
"""
