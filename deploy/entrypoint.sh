#!/bin/sh
# Container entrypoint.
#   (default command)  migrate, set up the roles, then serve with gunicorn AND run the worker
#                      (`manage.py run_worker`: documents' text, scheduled publishing every minute)
#                      next to it; when either stops, the other is stopped and the container exits.
#   worker             the worker alone, for a deployment that runs it in a container of its own
#                      (then set RUN_WORKER=0 on the web container).
#   anything else      run as given, after the migrations.
set -eu
if [ "${1:-}" = "worker" ]; then
    exec python manage.py run_worker
fi
python manage.py migrate --noinput
python manage.py setup_roles
if [ "${LOAD_DEMO_CONTENT:-0}" = "1" ]; then
    python manage.py load_demo_content
fi
if [ "${1:-}" != "gunicorn" ] || [ "${RUN_WORKER:-1}" != "1" ]; then
    exec "$@"
fi

"$@" &
server=$!
python manage.py run_worker &
worker=$!
told_to_stop=0
stop() {
    kill -TERM "$server" "$worker" 2>/dev/null || true
}
trap 'told_to_stop=1; stop' TERM INT
# Until one of the two stops (or the container is told to stop): then stop the other and exit, with
# a failure when nobody asked for it, so that the container's restart policy starts both again.
while kill -0 "$server" 2>/dev/null && kill -0 "$worker" 2>/dev/null; do
    sleep 1
done
stop
status=0
wait "$server" || status=$?
wait "$worker" || true
if [ "$told_to_stop" = "0" ] && [ "$status" = "0" ]; then
    echo "entrypoint: the site or the worker stopped unexpectedly; stopping the container" >&2
    status=1
fi
exit "$status"
