"""`concord`: serve, replay, reindex, bench."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from service.config import Settings, get_settings

app = typer.Typer(help="Concord: multi-source event deduplication and reconciliation.", no_args_is_help=True)
bench_app = typer.Typer(help="Benchmarks on the evaluation data.", no_args_is_help=True)
app.add_typer(bench_app, name="bench")

DEFAULT_DATA = Path("../shared/data")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8000,
) -> None:
    """Run the API (migrates the database and loads or rebuilds the index first)."""
    import uvicorn

    from service.main import create_app

    logging.basicConfig(level=logging.INFO)
    uvicorn.run(create_app(), host=host, port=port)


@app.command()
def migrate() -> None:
    """Upgrade the database schema to the newest migration."""
    from service.db import migrate as upgrade

    settings = get_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade(settings.resolved_database_url)
    typer.echo("database schema is up to date")


@app.command()
def reindex() -> None:
    """Rebuild the vector index from the database (encoding reports that lack a current vector)."""
    from service.db import make_engine, migrate
    from service.index_sync import rebuild
    from service.main import default_encoder

    settings = get_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    migrate(settings.resolved_database_url)
    engine = make_engine(settings.resolved_database_url)
    index = rebuild(engine, default_encoder(settings), settings, show_progress=True)
    typer.echo(f"indexed {len(index)} reports into {settings.index_path}")


@app.command()
def reprocess() -> None:
    """Re-extract every stored report and re-derive every event (corrections are kept)."""
    from service.db import make_engine, migrate
    from service.ingest import EXTRACTOR_VERSION
    from service.reprocess import reprocess as run_reprocess

    settings = get_settings()
    migrate(settings.resolved_database_url)
    stats = run_reprocess(make_engine(settings.resolved_database_url), EXTRACTOR_VERSION, show_progress=True)
    typer.echo(f"re-extracted {stats.reports} reports ({stats.claims} claims); reconciled {stats.events} events")


@app.command("learn-reliability")
def learn_reliability(
    max_rounds: Annotated[int, typer.Option(min=1, max=50, help="Rounds of estimate-then-reconcile at most")] = 5,
) -> None:
    """Estimate each source's reliability from how its figures held up, and re-derive events weighed by it."""
    from service.db import make_engine, migrate
    from service.reprocess import learn_reliability as run_learning

    settings = get_settings()
    migrate(settings.resolved_database_url)
    stats = run_learning(make_engine(settings.resolved_database_url), max_rounds, show_progress=True)
    typer.echo(f"{stats.rounds} round(s): {stats.sources} source weights moved, {stats.events} events re-derived")


@app.command()
def replay(
    reports: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="reports.jsonl")],
    out: Annotated[Path, typer.Option(help="Directory for assignments.jsonl and events.jsonl")],
    batch_size: Annotated[int, typer.Option(min=1, max=500)] = 32,
) -> None:
    """Ingest a file of reports, in order, into a fresh store; write assignments and events."""
    from service.main import default_encoder
    from service.replay import encoder_alone_seconds, read_reports
    from service.replay import replay as run_replay

    try:
        items = list(read_reports(reports))
    except ValueError as error:
        raise typer.BadParameter(str(error)) from error
    store = out / "store"
    if store.exists():
        raise typer.BadParameter(f"{store} exists; replay needs a fresh store")
    settings = Settings(data_dir=store, database_url=None)
    encoder = default_encoder(settings)
    stats = run_replay(items, out, encoder, settings, batch_size=batch_size)
    alone = encoder_alone_seconds(encoder, items, batch_size)
    typer.echo(
        f"{stats.reports} reports -> {stats.events} events in {stats.seconds:.1f} s "
        f"({stats.reports_per_second:.1f} reports/s); encoder alone on the same texts {alone:.1f} s "
        f"({stats.reports / alone:.1f} reports/s); pipeline around the encoder "
        # Replay overlaps embedding with matching, so the encoder's own time inside it says little:
        # what the pipeline adds is the replay's time beyond the encoder's alone.
        f"{100 * max(0.0, 1 - alone / stats.seconds):.0f}% of replay"
    )
    typer.echo(f"wrote {out / 'assignments.jsonl'} and {out / 'events.jsonl'}")


@bench_app.command("quality")
def bench_quality(
    data: Annotated[Path, typer.Option(exists=True, file_okay=False, help="The evaluation data folder")] = DEFAULT_DATA,
    sets: Annotated[str, typer.Option(help="Comma-separated set names")] = "gva-dev,ecbplus-dev",
    baselines: Annotated[bool, typer.Option(help="Also run the naive TF-IDF and MiniLM baselines")] = True,
    errors: Annotated[int, typer.Option(min=0, help="Match errors of each kind to list (0: none)")] = 5,
) -> None:
    """Replay each dev set and print B-cubed and pairwise P/R/F1 beside the baselines and reference numbers,
    then a sample of wrong merges, missed merges and retrieval misses with the evidence behind each."""
    from service.bench.quality import run_quality

    with tempfile.TemporaryDirectory(prefix="concord-bench-") as scratch:
        names = [s.strip() for s in sets.split(",") if s.strip()]
        typer.echo(run_quality(data, names, Path(scratch), baselines=baselines, errors=errors))


@bench_app.command("reconcile")
def bench_reconcile(
    data: Annotated[Path, typer.Option(exists=True, file_okay=False, help="The evaluation data folder")] = DEFAULT_DATA,
    sets: Annotated[str, typer.Option(help="Comma-separated set names")] = "gva-dev,ucdp-syria-dev",
) -> None:
    """Reconciled figures on gold grouping under each policy, beside first/latest/min/median/max."""
    from service.bench.reconcile import run_reconcile

    typer.echo(run_reconcile(data, [s.strip() for s in sets.split(",") if s.strip()]))


@bench_app.command("latency")
def bench_latency(
    data: Annotated[Path, typer.Option(exists=True, file_okay=False, help="The evaluation data folder")] = DEFAULT_DATA,
    set_name: Annotated[str, typer.Option("--set", help="Which set's reports to POST")] = "gva-dev",
    requests: Annotated[int, typer.Option(min=10, help="How many reports to POST")] = 300,
    concurrency: Annotated[int, typer.Option(min=1, max=64)] = 4,
) -> None:
    """POST reports to a real server on a loopback port; print throughput and p50/p90/p99 latency."""
    from service.bench.latency import measure_post_latency
    from service.main import default_encoder

    with tempfile.TemporaryDirectory(prefix="concord-latency-") as scratch:
        stats = measure_post_latency(
            data, set_name, Path(scratch), default_encoder(get_settings()), requests=requests, concurrency=concurrency
        )
    typer.echo(stats.describe())


@bench_app.command("extraction")
def bench_extraction(
    data: Annotated[Path, typer.Option(exists=True, file_okay=False, help="The evaluation data folder")] = DEFAULT_DATA,
) -> None:
    """Extraction accuracy on acled-dev, gtd-dev and gva-dev beside the majority-class baseline."""
    from service.bench.extraction import run

    typer.echo(run(data))
