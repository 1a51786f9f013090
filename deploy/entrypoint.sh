#!/bin/sh
# Container entrypoint: apply migrations, make sure the catalogues and roles are in place, then serve.
set -eu
python manage.py migrate --noinput
python manage.py setup_roles
if [ "${LOAD_DEMO_CONTENT:-0}" = "1" ]; then
    python manage.py load_demo_content
fi
exec "$@"
