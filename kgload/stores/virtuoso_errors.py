"""What a Virtuoso error message says: retry it, refuse it for good, or refuse the user.

Virtuoso reports every SQL error as HTTP 500 with a plain-text body, "Virtuoso <SQLSTATE> Error
[<code>:] …". The connector reads every 500 through these functions whatever the store's dialect:
the body names its server, also behind a proxy or when the dialect was set to generic.
"""

from __future__ import annotations

import re

__all__ = ["is_lasting_refusal", "is_permission_refusal", "refusal_hint"]

# "Virtuoso 42000 Error SR186:SECURITY: …", "Virtuoso 37000 Error SP030: …", "Virtuoso 42000 Error
# The estimated execution time …" (no code).
_VIRTUOSO_ERROR = re.compile(
    r"Virtuoso (?P<state>[0-9A-Z]{5}) Error(?: (?P<code>[A-Z]{2}\d{3})\b)?"
)
# Transaction timed out, deadlocked: another attempt may pass.
_TRANSIENT_CODES = frozenset({"SR171", "SR172"})
_COST_HINT = (
    " (Virtuoso's [SPARQL] MaxQueryCostEstimationTime in virtuoso.ini; or narrow the query)"
)


def is_permission_refusal(message: str) -> bool:
    """Whether a 500 refuses the user: "SR186: SECURITY: No permission …" for an update.

    >>> is_permission_refusal("Virtuoso 42000 Error SR186:SECURITY: No permission to execute")
    True
    """
    return "SR186" in message or "No permission" in message


def is_lasting_refusal(message: str) -> bool:
    """Whether an HTTP 500 is a Virtuoso error that the same request would get again.

    Only the states of a failed transaction or a busy server are worth a retry: class 40 (SR172
    deadlock, rolled-back transactions), 08 (connection), 53 (insufficient resources),
    S1T00/HYT0x (timeouts), and "Transaction aborted because the server is out of memory".
    Everything else is refused for good: 42000 (syntax, access, the cost estimate over
    MaxQueryCostEstimationTime, SQ200 "query too large"), 37000 and SPxxx (the SPARQL compiler,
    also its "memory exhausted"), 22xxx/23xxx (data, constraints)… A 500 that is not a Virtuoso
    error says nothing either way and stays transient.

    >>> is_lasting_refusal("Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error")
    True
    >>> is_lasting_refusal("Virtuoso 40001 Error SR172: Transaction deadlocked")
    False
    >>> is_lasting_refusal("Internal Server Error")
    False
    """
    match = _VIRTUOSO_ERROR.search(message)
    if match is None:
        return False
    state, code = match.group("state"), match.group("code") or ""
    if state[:2] in ("40", "08", "53") or state in ("S1T00", "HYT00", "HYT01"):
        return False
    if code in _TRANSIENT_CODES:
        return False
    if state == "37000" or code.startswith("SP"):
        return True
    return "server is out of memory" not in message


def refusal_hint(message: str) -> str:
    """What to change when a query is refused for its cost estimate ("" otherwise)."""
    return _COST_HINT if "estimated execution time" in message else ""
