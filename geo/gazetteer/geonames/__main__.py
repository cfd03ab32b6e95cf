"""``python -m geo.gazetteer.geonames DUMP OUT.csv``: a GeoNames dump as a gazetteer CSV (``convert``).

The command lives here rather than in the package's ``__init__``: ``geo.gazetteer`` imports that
on load, and running a module already imported makes ``python -m`` warn and run it twice.
"""

from .convert import main

if __name__ == "__main__":
    raise SystemExit(main())
