# The VIDW bot in a container: slim Python, a non-root user, the database on a volume, and
# Docker's HEALTHCHECK on /healthz. Build: docker build -t vidw-bot .  Run: see compose.yaml.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PTB_TIMEDELTA=1 \
    VIDW_DB=/data/vidw.db \
    VIDW_HEALTH_LISTEN=0.0.0.0:9108 \
    VIDW_CONSOLE_LISTEN=0.0.0.0:8080

WORKDIR /app

# Dependencies first, pinned by the lock: a code change does not reinstall them.
COPY pyproject.toml requirements.lock README.md ./
RUN mkdir bot channels cli standin web \
    && pip install --no-cache-dir -c requirements.lock .  \
    && pip uninstall --yes vidw-bot

# The code, read where it lies (the catalogs, the survey and the programme beside it).
COPY bot bot
COPY channels channels
COPY cli cli
COPY standin standin
COPY web web
COPY locales locales
COPY surveys surveys
COPY schedule.json babel.cfg ./
# The event's data shipped with the code (the database lives on the /data volume instead).
COPY data/venues.json data/exhibitors.json data/matching.json data/
COPY data/floorplans data/floorplans
RUN pip install --no-cache-dir --no-deps -c requirements.lock -e . \
    && pybabel compile -D messages -d locales \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin vidw \
    && mkdir /data && chown vidw:vidw /data

USER 10001:10001
VOLUME ["/data"]
# 9108: /healthz and /metrics; 8080: the staff console; 8443: the webhook, when
# VIDW_WEBHOOK_URL is set (the console and the webhook behind the same TLS proxy).
EXPOSE 9108 8080 8443

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; urllib.request.urlopen('http://127.0.0.1:9108/healthz', timeout=4); sys.exit(0)"]

# SIGTERM (docker stop): the sends in flight finish, the rest waits in the database.
STOPSIGNAL SIGTERM
ENTRYPOINT ["vidw-bot"]
CMD ["run"]
