"""Run a notebook as `nbdev-test` does (every cell its flags do not skip) plus the flagged cells named by id, and save the outputs.

Cells that are skipped keep the outputs they were committed with. This is for re-running a few `#| slow` cells of a notebook
whose other slow cells need what is not at hand (learners exported by an earlier sweep, a GPU):

    python tools/run_cells.py nbs/20_distorted_mnist.ipynb budget_run budget_tbl budget_fig

Then `nbdev-clean` as after any save. Like `nbdev-test --save`, this drops the notebook's widget state: for a notebook that
shows widgets (04_widgets, 20_distorted_mnist) run `python tools/docs.py --widget-state NB` afterwards, or the docs page
loses its explorers."""
import argparse, sys, time
from pathlib import Path
from fastcore.nbio import write_nb
from execnb.shell import CaptureShell
from nbdev.config import get_config
from nbdev.process import NBProcessor
from nbdev.test import _skip_cell
from fastcore.xtras import working_directory


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('nb', help='the notebook')
    ap.add_argument('ids', nargs='+', help='ids of the flagged cells to run as well')
    ap.add_argument('--timeout', type=int, help="seconds per cell (default: the project's cell_timeout)")
    a = ap.parse_args()
    fn, want, cfg = Path(a.nb).resolve(), set(a.ids), get_config()
    nbk = NBProcessor(fn, rm_directives=False, process=True).nb
    known = {c.get('id') for c in nbk.cells}
    if want - known: sys.exit(f"no cells with ids {sorted(want - known)} in {fn.name}")
    skip = _skip_cell(nbk, cfg.tst_flags.split() if isinstance(cfg.tst_flags, str) else cfg.tst_flags, None)
    run = lambda c: False if c.get('id') in want else skip(c)   # preproc: True skips the cell
    t0, shell = time.time(), CaptureShell(fn)
    with working_directory(fn.parent):
        shell.run_all(nbk, exc_stop=True, preproc=run, cell_timeout=a.timeout or int(cfg.get('cell_timeout', 600)))
    write_nb(nbk, fn)
    print(f"{fn.name}: ran the default cells and {sorted(want)} in {time.time() - t0:.0f} s; saved")


if __name__ == '__main__': main()
