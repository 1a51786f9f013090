"""Run the given command (the test suite) against PostgreSQL when one is available.

DATABASE_URL wins when set. Otherwise a PostgreSQL server answering on 127.0.0.1:5432 as user
postgres is used, and failing that SQLite, so that `make test` works on any fresh machine.
"""

import os
import sys

LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"


def local_postgres_answers():
    try:
        import psycopg2

        psycopg2.connect(LOCAL_POSTGRES, connect_timeout=2).close()
        return True
    except Exception:
        return False


if __name__ == "__main__":
    if not os.environ.get("DATABASE_URL"):
        if local_postgres_answers():
            os.environ["DATABASE_URL"] = "postgres://postgres@127.0.0.1:5432/cti"
        else:
            print("No PostgreSQL found: running the tests on SQLite.", flush=True)
    print(f"Test database: {os.environ.get('DATABASE_URL', 'sqlite')}", flush=True)
    os.execv(sys.argv[1], sys.argv[1:])
