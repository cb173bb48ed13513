"Write README.md from nbs/index.ipynb: nbdev's `nbdev-readme` needs Quarto, which is not always installed."
from pathlib import Path
import re, nbformat
from nbconvert import MarkdownExporter

root = Path(__file__).resolve().parents[1]
nb = nbformat.read(root/'nbs'/'index.ipynb', as_version=4)
keep = []
for c in nb.cells:
    if c.cell_type == 'code':
        if re.search(r'^#\|\s*(hide|export|default_exp)', c.source, re.M): continue
        c.source = re.sub(r'^#\|.*\n?', '', c.source, flags=re.M)
        c.outputs = [o for o in c.outputs if o.get('output_type') != 'display_data']
    keep.append(c)
nb.cells = keep
nb.metadata['language_info'] = {'name': 'python'}
body, _ = MarkdownExporter().from_notebook_node(nb)
body = re.sub(r'^# (.+)\n\n> (.+)\n', r'# \1\n\n\2\n', body.lstrip(), count=1)
(root/'README.md').write_text("<!-- generated from nbs/index.ipynb by tools/readme.py: edit the notebook, not this file -->\n\n" + re.sub(r'\n{3,}', '\n\n', body).strip() + '\n')
