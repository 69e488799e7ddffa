"""Build-time code of the site: MkDocs hooks (each listed under `hooks:` in mkdocs.yml).

MkDocs loads each listed file itself; everything else (the other hooks, scripts/, tests/) imports
them as a package, `from hooks import engine_render`, never by file path. The repository root is on
`sys.path` through the `.pth` file scripts/setup writes into .venv. What hooks share with the rest:
- `hooks.engine_render`: a request rendered as the guide shows it, one rule value as text
  (`render_nilai`), a number as text (`teks_angka`), the calculator share link (`tautan_kalkulator`);
- `hooks.pyodide_runtime`: the engine wheel (`build_wheel`, `engine_wheel`: the calculator page's
  part or the whole package) and the Pyodide runtime files.
Numbers and dates as Indonesian text come from the engine itself (`calculator.angka`,
`calculator.dates`). Nothing here goes to the browser (maintainers/desain.md).
"""
