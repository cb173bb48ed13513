"Sphinx configuration of the stn_nb site: the notebooks, processed by nbdev, rendered by myst-nb (see tools/docs.py)."
from pathlib import Path

project, author = 'stn_nb', 'stn_nb developers'
extensions = ['myst_nb']
root_doc = 'index'
html_theme = 'sphinx_book_theme'
html_title = 'stn_nb'
html_theme_options = {'show_toc_level': 2, 'use_download_button': False}
exclude_patterns = ['_build', '**.ipynb_checkpoints']
nb_execution_mode = 'off'                  # the notebooks carry their outputs (and widget state) already
myst_enable_extensions = ['dollarmath', 'amsmath', 'colon_fence']
myst_heading_anchors = 3
myst_all_links_external = True             # nbdev writes links to pages as plain `grids.html#name`
suppress_warnings = ['myst.header', 'mystnb.unknown_mime_type']

# Offline assets: tools/docs.py unpacks them from the npm registry into _static/vendor; without them, the CDN defaults
_static = Path(__file__).parent / '_static'
html_static_path = [str(_static)] if _static.exists() else []
_vendor = _static / 'vendor'
if (_vendor / 'html-manager' / 'embed-amd.js').exists():
    nb_ipywidgets_js = {'vendor/require.js': {}, 'vendor/paths.js': {}, 'vendor/html-manager/embed-amd.js': {}}
    html_js_files = []
if (_vendor / 'mathjax' / 'tex-chtml.js').exists(): mathjax_path = 'vendor/mathjax/tex-chtml.js'
