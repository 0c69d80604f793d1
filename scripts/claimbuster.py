"""Where the ClaimBuster training split lives, and the one line that says how to get it when it is missing.

The file is not in the repository: neither its local note nor the repository it comes from states a
licence that lets us pass it on, so each copy of checker fetches it itself (data/claimbuster/README.md).
Imported by scripts/train-spot and bench/spot_bench.py before anything heavier, so that a missing file
ends in one line and a non-zero exit, never a traceback.
"""
import pathlib

REPO = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO / "data" / "claimbuster" / "train.json"
MODEL = REPO / "checker" / "reading" / "spot_model.json"  # what scripts/train-spot writes
FOLDS = 5  # cross-validation folds, for the model's metadata and the bench
# The two-class training split at the commit our model was trained from; same bytes as the copy we used.
SOURCE_URL = ("https://raw.githubusercontent.com/utaresearch/claimbuster-spotter/"
              "922f71d45631efc1a43f821ec4eae029f50cd47b/data/two_class/train.json")
SHA256 = "4fd0b54f265f6fa7997a2a7daad07cce6628e98b26534eebc639454272b3191b"
FETCH = f"curl -L --create-dirs -o data/claimbuster/train.json {SOURCE_URL}"


def missing(path, program):
    """The one line a program prints when the training file at ``path`` is not there, or None when it is."""
    if pathlib.Path(path).is_file():
        return None
    return (f"{program}: no ClaimBuster training file at {path}; it is not shipped (see data/claimbuster/README.md): "
            f"fetch it with `{FETCH}`, or pass the path of your copy")
