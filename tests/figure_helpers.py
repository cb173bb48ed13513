"""Every figure helper of the package, each imported from its own module in this fresh process and called on tiny inputs.

Run from any folder (the lesson "Every figure helper, from a script" of 05_viz runs it). It prints the names of the helpers that drew,
then the seconds it took. A helper that uses a name its module never imports (`plt`, say) fails here, where the notebooks,
which import everything at the top, would not notice."""
import matplotlib; matplotlib.use('Agg')  # no display
import time, torch, pandas as pd
from pathlib import Path
t0 = time.time()
ok = []
def called(name, f):
    "Run `f`, a call of the helper `name`; name it in the output if it returned"
    f(); ok.append(name)

from stn_nb.viz import letter_f, show_grid, show_warp, show_transformed, animate_theta, offline_jshtml
from stn_nb.grids import AffineGrid, AttentionGrid
from stn_nb.sampling import warp
xs, th = torch.stack([letter_f()[None]] * 2), torch.tensor([[0.8, 0.1, 0, -0.1, 0.8, 0]] * 2)
called('show_grid', lambda: show_grid(letter_f(), th[0], AffineGrid()))
called('show_warp', lambda: show_warp(letter_f(), torch.tensor([0.5, 0.2, -0.25]), AttentionGrid()))
called('show_transformed', lambda: show_transformed(xs, th, warp(xs, th), AffineGrid()))
called('animate_theta', lambda: offline_jshtml(animate_theta([(0, th, warp(xs, th)), (1, th * 0.9, warp(xs, th * 0.9))], xs, AffineGrid())))

from stn_nb.results import plot_curves
called('plot_curves', lambda: plot_curves(pd.DataFrame(dict(curve=[[(234, 90.), (468, 40.)]], state=['recorded']), index=['FCN']), {'FCN': 2.3}, title='t'))

from stn_nb.experiments.distorted_mnist import table1_long_figure
called('table1_long_figure', lambda: table1_long_figure(pd.DataFrame(dict(curve=[[(234, 9.), (7020, 0.8)], []], state=['recorded', 'not started'], paper=[0.5, 2.1]),
                                                                     index=['ST-CNN Aff RTS', 'FCN R']), title='t'))

from stn_nb.experiments.studies import budget_figure
called('budget_figure', lambda: budget_figure(Path(__file__).resolve().parents[1]/'results'/'budget.json'))

from stn_nb.experiments.mnist_addition import show_addition, build_addition_model
called('show_addition', lambda: show_addition(build_addition_model('2xst-fcn', 'affine'), torch.rand(2, 2, 42, 42), n=2))

from stn_nb.experiments.svhn import show_svhn, svhn_model
called('show_svhn', lambda: show_svhn(svhn_model('st-cnn-multi'), torch.rand(2, 3, 64, 64), n=2))

from stn_nb.experiments.cub import show_cub, cub_model
called('show_cub', lambda: show_cub(cub_model(2, 448), torch.rand(1, 3, 448, 448), n=1))

from stn_nb.experiments.colocalisation import show_boxes, show_steps, animate_boxes
x, boxes = torch.rand(3, 1, 84, 84), torch.tensor([[28., 28, 56, 56]] * 3)
h = [(0, torch.tensor([[1., 0, 0]] * 3)), (5, torch.tensor([[0.5, 0, 0]] * 3)), (10, torch.tensor([[1 / 3, 0, 0]] * 3))]
called('show_boxes', lambda: show_boxes(x, boxes, boxes))
called('show_steps', lambda: show_steps(h, x, boxes, steps=[0, 10]))
called('animate_boxes', lambda: offline_jshtml(animate_boxes(h, x, boxes, idx=range(3))))
print(' '.join(ok)); print(f'{time.time() - t0:.1f} s')
