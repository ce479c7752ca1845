"""One base error for everything vnkg reports to a user.

Each subclass maps to a documented exit code (see README, "Exit codes"). Messages say
what went wrong, where (file, article, line) and what to do about it.
"""


class VnkgError(Exception):
    """Base class: a problem the user can fix. The CLI prints it without a traceback."""

    exit_code = 1

    def __init__(self, message: str, *, where: str | None = None, hint: str | None = None):
        self.message = message
        self.where = where
        self.hint = hint
        super().__init__(self.render())

    def render(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class UsageError(VnkgError):
    """Arguments that cannot work together, a missing file, an unknown query name."""

    exit_code = 2


class InputError(VnkgError):
    """An article or graph file that cannot be read (encoding, syntax, empty)."""

    exit_code = 3


class QueryError(VnkgError):
    """A SPARQL query that does not parse, or fails or times out while running."""

    exit_code = 4


class ValidationFailed(VnkgError):
    """The graph breaks a SHACL shape (`vnkg validate`)."""

    exit_code = 5


class LexiconError(VnkgError):
    """A lexicon data file with a duplicate or malformed entry (a packaging bug)."""

    exit_code = 6


class StrictWarnings(VnkgError):
    """`--strict` turns warnings into a failing exit code."""

    exit_code = 7


class EndpointError(VnkgError):
    """A SPARQL server that cannot be started, or that refuses a request."""

    exit_code = 8
