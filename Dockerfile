# Production image. Same steps as `make setup`: install, compile catalogues, collect static;
# migrations and roles run in the entrypoint, gunicorn serves with deploy/gunicorn.conf.py and the
# worker (`manage.py run_worker`) runs beside it; `docker run <image> worker` runs the worker alone.
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
RUN python manage.py compile_catalogues \
    && SECRET_KEY=build-only ALLOWED_HOSTS=localhost CLIENT_ADDRESS_HEADER=none WAGTAILADMIN_BASE_URL=https://localhost python manage.py collectstatic --noinput --verbosity 0 \
    && mkdir -p /app/media && chown cti:cti /app/media

USER cti
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"
ENTRYPOINT ["deploy/entrypoint.sh"]
CMD ["gunicorn", "--config", "deploy/gunicorn.conf.py", "cti_site.wsgi:application"]
