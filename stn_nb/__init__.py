__version__ = "0.0.1"

import warnings
# fastai's layers still decorate with `torch.jit.script`, which torch ≥ 2.10 deprecates: a warning users can do nothing about
warnings.filterwarnings('ignore', message=r'`torch\.jit\.script` is deprecated', category=FutureWarning)
