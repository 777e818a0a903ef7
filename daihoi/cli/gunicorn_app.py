"""`daihoi serve` over TLS or in several processes: gunicorn, configured from the command line.

gunicorn forks the workers (each with THREADS threads, as waitress has), restarts one that dies,
and terminates TLS itself with the certificate given, so the hall needs no other program.
"""

from typing import TYPE_CHECKING, Any

from gunicorn.app.base import BaseApplication

if TYPE_CHECKING:
    from daihoi.cli.serve import Serving


class _Daihoi(BaseApplication):  # type: ignore[misc]  # gunicorn ships no type hints
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from daihoi.config.wsgi import application

        return application


def run_gunicorn(serving: "Serving", threads: int) -> int:
    """Serve until stopped (Ctrl+C or SIGTERM); gunicorn exits the process itself on errors."""
    options: dict[str, Any] = {
        "bind": f"{serving.host}:{serving.port}",
        "workers": serving.workers,
        "worker_class": "gthread",
        "threads": threads,
        "proc_name": "daihoi",
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        "timeout": 120,  # a maximal workbook import or minutes PDF takes seconds, not minutes
        # A clerk saves a ballot every few seconds: keep the browser's connection open between
        # saves (gunicorn's default of 2 s closed it, so each save paid a new connection, over
        # TLS a new handshake; waitress keeps one for 120 s)
        "keepalive": 60,
    }
    if serving.tls_cert:
        options |= {"certfile": serving.tls_cert, "keyfile": serving.tls_key}
    _Daihoi(options).run()
    return 0
