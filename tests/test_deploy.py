"""`clinic-anon deploy` registers a scheduled deployment on a real Prefect server; prefect.yaml
points at the same flow."""
from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def test_prefect_yaml_entrypoint_is_the_flow():
    spec = yaml.safe_load((ROOT / "prefect.yaml").read_text())
    deployment = spec["deployments"][0]
    module, _, name = deployment["entrypoint"].partition(":")
    from importlib import import_module

    from prefect import Flow

    flow = getattr(import_module(module.removesuffix(".py").replace("/", ".")), name)
    assert isinstance(flow, Flow) and flow.name == "clinic-anon"
    assert deployment["schedules"][0] == {"cron": "0 2 * * *", "timezone": "Asia/Seoul"}
    assert set(deployment["parameters"]) <= set(flow.parameters.properties)
    assert deployment["concurrency_limit"] == {"limit": 1, "collision_strategy": "CANCEL_NEW"}


def test_deploy_serves_a_nightly_schedule(tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_API_URL, temporary_settings

    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path / "home"), DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false")
    os.environ["PREFECT_HOME"] = env["PREFECT_HOME"]
    server = SubprocessASGIServer()
    server.start(timeout=90)
    env["PREFECT_API_URL"] = server.api_url
    proc = subprocess.Popen([sys.executable, "-m", "flows.cli", "deploy", "--source", str(ROOT / "data_samples" / "sample"),
                             "--out", str(tmp_path / "out"), "--cron", "30 3 * * *", "--name", "nightly-test"],
                            env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    async def deployment():
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            async with get_client() as client:
                return await client.read_deployment_by_name("clinic-anon/nightly-test")

    try:
        found, deadline = None, time.time() + 120
        while found is None and time.time() < deadline and proc.poll() is None:
            try:
                found = asyncio.run(deployment())
            except Exception:  # not registered yet
                time.sleep(2)
        assert found is not None, proc.stdout.read() if proc.poll() is not None else "deployment not registered in time"
        assert found.schedules[0].schedule.cron == "30 3 * * *"
        assert found.schedules[0].schedule.timezone == "Asia/Seoul"
        assert found.parameters["source"].endswith("data_samples/sample")
        assert found.parameters["out"] == str((tmp_path / "out").resolve())
        # The schedule never overlaps itself: one slot, and a tick that finds it taken is cancelled.
        assert found.global_concurrency_limit.limit == 1
        assert found.concurrency_options.collision_strategy == "CANCEL_NEW"
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        server.stop()
        os.environ.pop("PREFECT_HOME", None)
