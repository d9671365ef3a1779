"""What keeps ``kg query`` local and finite: no ``SERVICE`` call unless asked, a time limit.

Both engines would send a query's ``SERVICE <http://...>`` clause to that endpoint over the
network; :func:`refuse_service` refuses such a query (the caller decides whether to allow it).
:func:`within` runs a query in a forked worker process that is killed when its time is up, so a
runaway cross join really stops; where the platform cannot fork, in a daemon thread that is
abandoned (the answer comes in time, the thread runs on until the process exits).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from kg.errors import InputError, KGError

__all__ = ["WorkerError", "refuse_service", "service_endpoints", "within"]

T = TypeVar("T")
_SERVICE_WORD = re.compile(r"(?<![\w?$:])SERVICE\b", re.IGNORECASE)


class WorkerError(Exception):
    """A query failed in the worker: ``kind`` is the exception's type name."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(f"{kind}: {message}")
        self.kind, self.message = kind, message


def service_endpoints(query: str) -> list[str]:
    """The endpoints the ``SERVICE`` clauses of ``query`` name (a variable as ``?name``), read
    by rdflib's SPARQL parser, so a comment or a string holding the word is no SERVICE. A query
    rdflib cannot parse (Oxigraph may accept it) is read with comments, strings and IRIs blanked
    out: any SERVICE keyword left counts, as ``"?"``.

    >>> service_endpoints('SELECT * { # SERVICE <http://a/> {}\\n ?s ?p "SERVICE" }')
    []
    >>> service_endpoints("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    ['http://example.org/sparql']
    """
    if "service" not in query.lower() and "\\u" not in query.lower():
        return []  # no SERVICE keyword, not even one spelt with \u escapes: nothing to parse
    from rdflib.plugins.sparql.parser import expandUnicodeEscapes, parseQuery

    from kg.query import _COMMENT, _IRI, _STRING

    try:
        tree = parseQuery(query)
    except Exception:  # noqa: BLE001 - pyparsing and rdflib raise many kinds
        try:
            query = expandUnicodeEscapes(query)
        except Exception:  # noqa: BLE001 - a broken escape: read the text as written
            pass
        text = _COMMENT.sub(" ", _STRING.sub('""', _IRI.sub("<>", query)))
        return ["?"] * len(_SERVICE_WORD.findall(text))
    return [str(term) if not hasattr(term, "n3") or term.n3()[:1] != "?" else term.n3()
            for term in _service_terms(tree)]


def _service_terms(node: Any) -> Iterable[Any]:
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            if item.name == "ServiceGraphPattern":
                yield item.get("term")
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)) or type(item).__name__ == "ParseResults":
            stack.extend(item)


def refuse_service(query: str, source: str) -> None:
    endpoints = service_endpoints(query)
    if endpoints:
        named = ", ".join(dict.fromkeys(e if e != "?" else "an endpoint" for e in endpoints))
        raise InputError(source, f"the query would send data over the network (SERVICE {named})",
                         "kg query reads local files only; pass --allow-service "
                         "(allow_service=True) to let it call the endpoint")


def within(work: Callable[[], T], timeout: float, source: str) -> T:
    """``work()``, run in a forked worker process killed after ``timeout`` seconds. Raises
    InputError naming ``source`` when the time is up, WorkerError when ``work`` raised."""
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return _in_thread(work, timeout, source)
    ctx = multiprocessing.get_context("fork")  # the child shares the loaded store, no copy
    receive, send = ctx.Pipe(duplex=False)
    worker = ctx.Process(target=_worker, args=(send, work), daemon=True)
    worker.start()
    send.close()
    try:
        if not receive.poll(timeout):
            raise _timed_out(source, timeout)
        try:
            answer = receive.recv()
        except EOFError:
            raise KGError(f"{source}: the query worker ended without an answer "
                          f"(exit code {worker.exitcode}); out of memory?") from None
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join()
        receive.close()
    if answer[0] == "error":
        raise WorkerError(answer[1], answer[2])
    return answer[1]  # type: ignore[no-any-return]


def _worker(send: Any, work: Callable[[], Any]) -> None:
    try:
        send.send(("ok", work()))
    except Exception as err:  # noqa: BLE001 - reported to the parent as text
        send.send(("error", type(err).__name__, str(err)))
    finally:
        send.close()


def _in_thread(work: Callable[[], T], timeout: float, source: str) -> T:
    """Where there is no fork: a daemon thread, abandoned when the time is up (it runs on
    until the query ends or the process exits, but the caller gets its answer in time)."""
    import threading

    answer: list[Any] = []

    def run() -> None:
        try:
            answer.append(("ok", work()))
        except Exception as err:  # noqa: BLE001 - re-raised in the caller
            answer.append(("error", err))

    thread = threading.Thread(target=run, name="kg-query", daemon=True)
    thread.start()
    thread.join(timeout)
    if not answer:
        raise _timed_out(source, timeout)
    if answer[0][0] == "error":
        raise answer[0][1]
    return answer[0][1]  # type: ignore[no-any-return]


def _timed_out(source: str, timeout: float) -> InputError:
    return InputError(source, f"query stopped after {timeout:g} s (--timeout)",
                      "narrow the query (fewer joins, a LIMIT, VALUES) or give it more time")
