"""PostgreSQL helpers shared by `make test`, the benchmark and the multi-process test.

Run as a script: exit 0 when the server named by a database URL accepts connections, else 1.
It connects to the server's `postgres` maintenance database, since the test database
(`test_<name>`) is created by pytest-django and the named one need not exist.
"""

import sys
import urllib.parse

import dj_database_url
import psycopg


def server_connect_args(url: str) -> dict:
    """psycopg keyword arguments for the server in a database URL (any database name)."""
    config = dj_database_url.parse(url)
    return {
        "host": config.get("HOST") or "127.0.0.1",
        "port": config.get("PORT") or 5432,
        "user": config.get("USER") or "postgres",
        "password": config.get("PASSWORD") or None,
    }


def database_url(connect_args: dict, name: str) -> str:
    """A DATABASE_URL for database `name` on the server described by `connect_args`."""
    user = urllib.parse.quote(connect_args["user"])
    password = connect_args.get("password")
    credentials = f"{user}:{urllib.parse.quote(password)}" if password else user
    return f"postgres://{credentials}@{connect_args['host']}:{connect_args['port']}/{name}"


def main(url: str) -> int:
    try:
        with psycopg.connect(dbname="postgres", connect_timeout=3, **server_connect_args(url)):
            return 0
    except psycopg.Error:
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
