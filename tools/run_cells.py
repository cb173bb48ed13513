"""Regenerate the committed outputs of the notebooks: run each as `nbdev-test` does, save its outputs, refresh its widget state, clean it.

    python tools/run_cells.py                          # every notebook, the cells nbdev-test runs (about as long as nbdev-test)
    python tools/run_cells.py nbs/12_results.ipynb     # one notebook (or several)
    python tools/run_cells.py nbs/20_distorted_mnist.ipynb --ids budget_run budget_tbl   # and these flagged cells
    python tools/run_cells.py nbs/21_mnist_addition.ipynb --flags slow                  # and every slow cell (trains: hours)

Cells that are not run keep the outputs they were committed with, so a few `#| slow` cells of a notebook can be re-run while
its other slow cells need what is not at hand (learners exported by an earlier sweep, a GPU). A notebook that shows widgets
(its metadata carries their state) is then run once more through a real kernel (`tools/docs.py --widget-state`), or the docs
page would lose its explorers; then its PNG images (figures, and the frames of animations) are stored in 256 colours where
that is smaller, which keeps a notebook of figures small; last, `nbdev-clean` strips what changes from run to run. Commit what changed.

    python tools/run_cells.py nbs/23_svhn.ipynb --images-only   # only re-store the images of outputs already saved"""
import argparse, base64, io, re, sys, time
from pathlib import Path
from fastcore.nbio import read_nb, write_nb
from execnb.shell import CaptureShell
from nbdev.clean import nbdev_clean
from nbdev.config import get_config
from nbdev.process import NBProcessor
from nbdev.test import _skip_cell
from fastcore.xtras import working_directory

root = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(root / 'tools'))
from docs import widget_state  # noqa: E402

def notebooks(cfg):
    "Every notebook nbdev-test runs: in the notebook folder, not hidden or starting with '_'"
    nbs = Path(cfg.nbs_path)
    return sorted(p for p in nbs.rglob('*.ipynb') if not any(part.startswith(('.', '_')) for part in p.relative_to(nbs).parts))

def run(fn, ids=(), flags=(), timeout=None, cfg=None):
    "Run notebook `fn` as nbdev-test does with `flags` set, plus the cells whose ids are in `ids`; save the outputs"
    nbk = NBProcessor(fn, rm_directives=False, process=True).nb
    want, known = set(ids), {c.get('id') for c in nbk.cells}
    default = cfg.tst_flags.split() if isinstance(cfg.tst_flags, str) else list(cfg.tst_flags)
    skip = _skip_cell(nbk, default + list(flags), None)
    t0, shell = time.time(), CaptureShell(fn)
    with working_directory(fn.parent):
        shell.run_all(nbk, exc_stop=True, preproc=lambda c: False if c.get('id') in want else skip(c),   # True skips the cell
                      cell_timeout=timeout or int(cfg.get('cell_timeout', 600)))
    write_nb(nbk, fn)
    return sorted(want & known), time.time() - t0

_DATA_PNG = re.compile(r'data:image/png;base64,((?:[A-Za-z0-9+/=]|\\\n)+)')  # matplotlib's JS animations break the base64 of a frame with backslash-newlines

def small_png(b64, colors=256):
    "The PNG `b64` (base64) stored in `colors` colours (Pillow's median cut), if that is smaller; else unchanged"
    from PIL import Image
    raw = base64.b64decode(b64)
    im = Image.open(io.BytesIO(raw))
    buf = io.BytesIO()
    im.convert('RGBA' if 'A' in im.getbands() else 'RGB').quantize(colors=colors, method=Image.Quantize.FASTOCTREE if 'A' in im.getbands() else Image.Quantize.MEDIANCUT).save(buf, 'PNG', optimize=True)
    return base64.b64encode(buf.getvalue()).decode() if buf.tell() < len(raw) else b64

def small_images(fn):
    "Store the PNG images of notebook `fn`'s outputs (and those embedded in its HTML outputs) as `small_png`; returns (bytes before, after)"
    nb, before = read_nb(fn), fn.stat().st_size
    for c in nb.cells:
        for o in c.get('outputs', []):
            d = o.get('data', {})
            if 'image/png' in d: d['image/png'] = small_png(d['image/png'].replace('\n', ''))
            if 'text/html' in d:
                html = ''.join(d['text/html']) if isinstance(d['text/html'], list) else d['text/html']
                d['text/html'] = _DATA_PNG.sub(lambda m: 'data:image/png;base64,' + small_png(m[1].replace('\\\n', '')), html)
    write_nb(nb, fn)
    return before, fn.stat().st_size

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('nbs', nargs='*', help='the notebooks (default: all of them)')
    ap.add_argument('--ids', nargs='+', default=[], help='ids of flagged cells to run as well (one notebook)')
    ap.add_argument('--flags', nargs='+', default=[], help="flags whose cells run too, as nbdev-test's --flags (slow, cuda)")
    ap.add_argument('--timeout', type=int, help="seconds per cell (default: the project's cell_timeout)")
    ap.add_argument('--images-only', action='store_true', help='run nothing: only store the saved images in 256 colours')
    a, cfg = ap.parse_args(), get_config()
    fns = [Path(p).resolve() for p in a.nbs] or notebooks(cfg)
    missing = [str(p) for p in fns if not p.is_file()]
    if missing: sys.exit(f"no such notebook: {', '.join(missing)}")
    if a.ids and len(fns) != 1: sys.exit(f"--ids names cells of one notebook, got {len(fns)} notebooks")
    if a.ids:
        unknown = set(a.ids) - {c.get('id') for c in read_nb(fns[0]).cells}
        if unknown: sys.exit(f"no cells with ids {sorted(unknown)} in {fns[0].name}")
    for fn in fns:
        if a.images_only:
            before, after = small_images(fn); nbdev_clean(str(fn))
            print(f"{fn.name}: images stored in 256 colours, {before / 1e3:.0f} -> {fn.stat().st_size / 1e3:.0f} kB", flush=True)
            continue
        widgets = 'widgets' in read_nb(fn).metadata
        ran, secs = run(fn, a.ids, a.flags, a.timeout, cfg)
        if widgets: widget_state(fn)
        small_images(fn)
        nbdev_clean(str(fn))
        print(f"{fn.name}: ran the default cells" + (f", those flagged {a.flags}" if a.flags else '') + (f" and {ran}" if ran else '')
              + f" in {secs:.0f} s; saved" + (", widget state refreshed" if widgets else '') + ", images in 256 colours, cleaned", flush=True)

if __name__ == '__main__': main()
