# Multi-stage: build a virtualenv with the CPU build of torch, then copy it into a slim runtime.
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /venv
ENV PATH=/venv/bin:$PATH
# The CPU wheel first: through sentence-transformers, pip would pull a multi-gigabyte CUDA build.
RUN pip install torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu
WORKDIR /src
COPY pyproject.toml README.md ./
COPY service service
COPY embeddings embeddings
COPY migrations migrations
RUN pip install .

FROM python:3.11-slim AS runtime
RUN useradd --create-home --uid 10001 concord && mkdir /data && chown concord /data
COPY --from=build /venv /venv
ENV PATH=/venv/bin:$PATH \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    CONCORD_DATA_DIR=/data
USER concord
WORKDIR /home/concord
VOLUME /data
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz')"
# Migrations first (DATABASE_URL selects PostgreSQL), then the API.
CMD ["sh", "-c", "concord migrate && exec concord serve --host 0.0.0.0 --port 8000"]
