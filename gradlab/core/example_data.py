"""The example data sets GradLab ships (gradlab/assets/data/NAME.csv, made by
tools/make_example_data.py): opened from File ▸ Example data and from a lesson's
`gradlab:data/NAME` link.

A link's NAME is looked up in EXAMPLES and nothing else: it never becomes a path,
so a lesson (or anything pretending to be one) can only open these files.
"""

from __future__ import annotations

from importlib import resources

from gradlab.core.csvdata import CsvData, read_csv

URL_PREFIX = "data/"  # gradlab:data/<name>
# name -> its file; the order is the menu's.
EXAMPLES = {"celsius": "celsius.csv", "spring": "spring.csv"}


def load(name: str) -> CsvData:
    """An example data set, read and checked like any CSV. KeyError for a name
    that is not an example."""
    file = EXAMPLES[name]
    with resources.as_file(resources.files("gradlab").joinpath("assets", "data", file)) as path:
        return read_csv(path)
