"""The exception tree. Every error the package raises on bad input derives from GeoError.

Leaves also inherit the matching builtin, as geopy's exceptions do, so callers may catch either.
Messages are one line each: file, line, value, what was expected.
"""


class GeoError(Exception):
    """Root of every error raised by this package."""


class ReportError(GeoError, ValueError):
    """A report file cannot be read (not UTF-8, empty, not a regular file)."""


class ReportFolderError(ReportError):
    """The reports folder as a whole cannot be used: missing, unreadable, holding no readable
    report, or holding two files with one id.

    ``problems`` holds one line per problem; ``str(err)`` joins them. ``skipped`` holds the
    one-line warnings of the files skipped before the failure was found (shown before it).
    """

    def __init__(self, problems, skipped=()):
        if isinstance(problems, str):
            problems = [problems]
        self.problems = list(problems)
        self.skipped = list(skipped)
        super().__init__("\n".join(self.problems))


class ManifestError(GeoError, ValueError):
    """seeds/sources.csv is malformed."""


class GazetteerError(GeoError, ValueError):
    """The gazetteer is missing, malformed or inconsistent.

    ``problems`` holds one line per problem; ``str(err)`` joins them.
    """

    def __init__(self, problems):
        if isinstance(problems, str):
            problems = [problems]
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class VocabularyError(GeoError, ValueError):
    """A vocabulary data file (actors, status phrases, ...) is malformed."""


class AssetError(GeoError, OSError):
    """A script or style sheet the map needs has no local copy."""


class OutputError(GeoError, OSError):
    """An output file could not be written."""


class GeocodingError(GeoError, RuntimeError):
    """--fill-gazetteer: the online geocoder could not be used (no network, refused, timed out)."""


class DaskError(GeoError):
    """--dask cannot run: the packages are missing or the scheduler cannot be reached."""
