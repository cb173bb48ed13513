"""The paper's experiments, one module each"""
MODULES = ('distorted_mnist', 'mnist_addition', 'colocalisation', 'svhn', 'cub')  # in the paper's order (§4.1, A.1, A.2, §4.2, §4.3); each registers its `stn-train` names (`register_experiment`)
