# Production image. Same steps as `make setup`: install, compile catalogues, collect static;
# migrations and roles run in the entrypoint, gunicorn serves with deploy/gunicorn.conf.py and the
# worker (`manage.py run_worker`) runs beside it; `docker run <image> worker` runs the worker alone.

# The interface catalogues are compiled by GNU gettext's msgfmt, which refuses a translation whose
# placeholders differ from the English, in a stage of their own so that the image carries no gettext
# (`make setup` compiles them with polib, `manage.py compile_catalogues`, to need no gettext).
FROM python:3.11-slim AS catalogues
RUN apt-get update && apt-get install -y --no-install-recommends gettext && rm -rf /var/lib/apt/lists/*
COPY locale/ /locale/
RUN for catalogue in /locale/*/LC_MESSAGES/django.po; do \
        msgfmt --check-format --output-file="${catalogue%.po}.mo" "$catalogue" || exit 1; \
    done

FROM python:3.11-slim AS base

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=cti_site.settings.production

RUN useradd --create-home --uid 10001 cti
WORKDIR /app

COPY requirements.txt .
RUN pip install -r requirements.txt

COPY --chown=cti:cti . .
COPY --from=catalogues --chown=cti:cti /locale/ locale/
RUN SECRET_KEY=build-only ALLOWED_HOSTS=localhost CLIENT_ADDRESS_HEADER=none WAGTAILADMIN_BASE_URL=https://localhost python manage.py collectstatic --noinput --verbosity 0 \
    && mkdir -p /app/media && chown cti:cti /app/media

USER cti
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"
ENTRYPOINT ["deploy/entrypoint.sh"]
CMD ["gunicorn", "--config", "deploy/gunicorn.conf.py", "cti_site.wsgi:application"]
