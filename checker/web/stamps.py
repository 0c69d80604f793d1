"""Who did it: on Datasette's connections, the server (not the person writing) says who set a verdict
and who added a claim. Any write through Datasette (our forms, its row forms, its JSON API) runs as
the request's actor; the database's triggers (m011) ask ``checker_actor()`` who that is, stamp it, and
refuse a write that names anyone else."""
import threading

_acting = {}  # id(connection) -> actor id, for the duration of one write
_lock = threading.Lock()


def prepare(conn):
    """Give a Datasette connection the actor function the triggers call."""
    conn.create_function("checker_actor", 0, lambda: _acting.get(id(conn)))


def acting_as(actor):
    """A write_wrapper: the write runs as ``actor`` (a dict with an id, or None for the server itself)."""
    actor_id = (actor or {}).get("id")
    if actor_id is None:
        return None

    def wrapper(conn):
        with _lock:
            _acting[id(conn)] = str(actor_id)
        try:
            yield
        finally:
            with _lock:
                _acting.pop(id(conn), None)

    return wrapper
