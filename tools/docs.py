"""Build the documentation site into `_docs/`: nbdev's processing of the notebooks, widget state, an adapter for myst-nb, Sphinx.

Quarto (nbdev's own `nbdev-docs`) cannot be installed everywhere; this is the route that needs only PyPI and npm.
Usage: `python tools/docs.py` (add `--no-vendor` to use the CDNs instead of local copies of the widget and MathJax scripts).
A notebook that shows widgets carries their state in its metadata; `python tools/docs.py --widget-state nbs/04_widgets.ipynb`
re-runs it through a kernel (all but its slow, cuda and notest cells) to refresh that state (then `nbdev-clean` and commit).
Run it last: `nbdev-test --save` drops widget state.
"""
from pathlib import Path
import copy, json, re, shutil, subprocess, sys, tarfile, tempfile
import nbformat, yaml

root = Path(__file__).resolve().parents[1]
proc, src, out, static = root / '_proc', root / '_proc' / '_site_src', root / '_docs', root / 'docs' / '_static'
NPM = {'@jupyter-widgets/html-manager@1.0.15': [('dist', 'html-manager')],
       'requirejs@2.3.8': [('require.js', 'require.js')], 'mathjax@3.2.2': [('es5', 'mathjax')]}

def nbdev_process():
    "nbdev's own processing (show_doc, directives) into _proc/, without the Quarto install `nbdev-proc-nbs` attempts"
    from nbdev.config import get_config
    from nbdev.doclinks import _build_modidx
    from nbdev.serve import proc_nbs
    _build_modidx()
    proc_nbs(str(get_config().nbs_path), n_workers=0, force=True)

def widget_state(nb_path):
    "Run a source notebook that shows widgets through a real kernel, so that its saved outputs carry the widget state (then nbdev-clean and commit it)"
    from nbclient import NotebookClient
    nb = nbformat.read(nb_path, as_version=4)
    run = copy.deepcopy(nb)
    skip = {i for i, c in enumerate(run.cells) if c.cell_type == 'code' and SKIP.search(c.source)}
    for i in skip: run.cells[i].source = ''   # slow, GPU and notest cells keep the outputs they have
    NotebookClient(run, timeout=600, kernel_name='python3', resources={'metadata': {'path': str(nb_path.parent)}}, store_widget_state=True).execute()
    for i, (c, r) in enumerate(zip(nb.cells, run.cells)):
        if c.cell_type == 'code' and i not in skip: c.outputs, c.execution_count = r.outputs, r.execution_count
    if 'widgets' in run.metadata: nb.metadata['widgets'] = shown_widgets(nb, run.metadata['widgets'])
    nbformat.write(nb, nb_path)

def shown_widgets(nb, widgets):
    "The widget state, less the models no output shows (test widgets, closed ones): the kernel reports every model it ever made"
    key = 'application/vnd.jupyter.widget-state+json'
    state = widgets[key]['state']
    todo = [o['data']['application/vnd.jupyter.widget-view+json']['model_id'] for c in nb.cells if c.cell_type == 'code'
            for o in c.get('outputs', []) if 'application/vnd.jupyter.widget-view+json' in o.get('data', {})]
    keep = set()
    while todo:
        m = todo.pop()
        if m in keep or m not in state: continue
        keep.add(m)
        todo += re.findall(r'IPY_MODEL_([0-9a-f]+)', json.dumps(state[m]))
    return {**widgets, key: {**widgets[key], 'state': {m: v for m, v in state.items() if m in keep}}}

def vendor():
    "Local copies of the widget manager, require.js and MathJax from the npm registry (the site then needs no CDN)"
    dest = static / 'vendor'
    if (dest / 'html-manager' / 'embed-amd.js').exists(): return True
    dest.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as d:
        for pkg, files in NPM.items():
            r = subprocess.run(['npm', 'pack', pkg, '--silent', '--pack-destination', d], capture_output=True, text=True)
            if r.returncode: print(f"npm pack {pkg} failed; the site will load it from a CDN:\n{r.stderr[-500:]}"); return False
            with tarfile.open(Path(d) / r.stdout.strip().splitlines()[-1]) as t: t.extractall(Path(d) / pkg.split('@')[-2].replace('/', '_'), filter='data')
            for f, name in files:
                s = Path(d) / pkg.split('@')[-2].replace('/', '_') / 'package' / f
                shutil.copytree(s, dest / name) if s.is_dir() else shutil.copy(s, dest / name)
    import anywidget
    shutil.copy(Path(anywidget.__file__).parent / 'nbextension' / 'index.js', dest / 'anywidget.js')
    (dest / 'paths.js').write_text("require.config({paths: {'anywidget': '_static/vendor/anywidget'}});\n")
    return True

SKIP = re.compile(r'^#\|\s*(slow|cuda|notest)\b', re.M)   # cells nbdev-test does not run by default
DIRECTIVES = {'echo: false': 'remove-input', 'output: false': 'remove-output', 'code-fold: true': 'hide-input', 'code-fold: show': 'hide-input'}

def adapt(nb_path):
    "A `_proc` notebook made fit for myst-nb; returns (page name, notebook)"
    nb = nbformat.read(nb_path, as_version=4)
    front = yaml.safe_load(nb.cells[0].source.strip().strip('-')) if nb.cells and nb.cells[0].cell_type == 'raw' else {}
    cells = [nbformat.v4.new_markdown_cell(f"# {front.get('title', nb_path.stem)}\n\n> {front.get('description', '')}".rstrip('> \n'))]
    for c in nb.cells[1 if front else 0:]:
        c.metadata.pop('has_sd', None); c.metadata.pop('execution', None)
        if c.cell_type == 'code':
            opts = [l[3:].strip() for l in c.source.splitlines() if l.startswith('#| ')]
            if 'include: false' in opts: continue
            tags = [DIRECTIVES[o] for o in opts if o in DIRECTIVES]
            if tags: c.metadata['tags'] = sorted(set(c.metadata.get('tags', []) + tags))
            c.source = '\n'.join(l for l in c.source.splitlines() if not l.startswith('#|'))
            for o in c.get('outputs', []):
                md = o.get('data', {}).get('text/markdown')
                if md is None: continue
                md = re.sub(r'\{target="_blank"[^}]*\}', '', md)
                md = re.sub(r'^(\s*---\s*\n)+', '', md)
                md = re.sub(r'\[source\]\([^)]*\)', '', md)   # nbdev links the source on a git host this project has not got
                m = re.search(r'^#+ (\w+)', md, re.M)
                o['data']['text/markdown'] = (f'<a id="{m[1]}"></a>\n\n' if m else '') + md
        elif c.cell_type == 'markdown':
            c.source = re.sub(r'\]\(/([\w.-]+\.html)', r'](\1', c.source)
            c.source = re.sub(r'(?m)^[ \t]*(\$\$.+\$\$)[ \t]*$', r'\n\1\n', c.source)   # display maths as its own paragraph, as MyST wants
    nb.cells = [c for c in cells + nb.cells[1 if front else 0:] if not (c.cell_type == 'code' and 'include: false' in c.source)]
    nb.metadata.pop('execution', None)
    name = Path(front.get('output-file', nb_path.stem + '.html')).stem
    return name, nb

def build(vendored=True):
    nbdev_process()
    pages = sorted(p for p in proc.glob('*.ipynb'))
    if vendored: vendor()
    if src.exists(): shutil.rmtree(src)
    src.mkdir(parents=True)
    names = []
    for p in pages:
        name, nb = adapt(p)
        nbformat.write(nb, src / f'{name}.ipynb')
        if name != 'index': names.append(name)
    idx = nbformat.read(src / 'index.ipynb', as_version=4)
    idx.cells.append(nbformat.v4.new_markdown_cell('```{toctree}\n:hidden:\n:maxdepth: 1\n\n' + '\n'.join(names) + '\n```'))
    nbformat.write(idx, src / 'index.ipynb')
    if static.exists(): shutil.copytree(static, src / '_static', dirs_exist_ok=True)
    r = subprocess.run([sys.executable, '-m', 'sphinx', '-W', '--keep-going', '-q', '-b', 'html', '-c', str(root / 'docs'), str(src), str(out)])
    if r.returncode: sys.exit(f"sphinx-build failed ({r.returncode})")
    print(f"site built: {out / 'index.html'}")

if __name__ == '__main__':
    if '--widget-state' in sys.argv: [widget_state(Path(p).resolve()) for p in sys.argv[sys.argv.index('--widget-state') + 1:]]
    else: build(vendored='--no-vendor' not in sys.argv)
