"""Records/s across the process boundary for the Python SDK: launches bench_plugin.py as the worker
launches plugins and calls Poll over its unix socket as fast as it answers, for each record shape.

    .cache/python-venv/bin/python plugins/sdk/python/bench/poll_throughput.py [--seconds 10] [--batch 1000]
        [--shapes struct,dict,schemaless,string] [--profile]

The driver keeps one Poll in flight at a time and only parses the protobuf response (the worker
additionally decodes the JSON values); it runs on the other core of a 2-core machine. The plugin
process's CPU time per record is printed too: it does not depend on what else the machine runs,
and its inverse is the rate one plugin core sustains (the worker keeps the next Poll in flight
while it produces a batch, so the plugin is the bottleneck of a Python source).
--profile runs the task's poll + encode in-process under cProfile instead, to see where time goes.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(HERE))

from plugin_process import PluginProcess  # noqa: E402

from polyconnect_sdk.wire.protocol import source_task_service_pb2  # noqa: E402


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc), to see its cost under any load."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(shape: str, batch: int, seconds: float) -> tuple[float, float, float]:
    process = PluginProcess([sys.executable, str(HERE / "bench_plugin.py")])
    try:
        stub = process.source_tasks
        stub.StartSourceTask(source_task_service_pb2.StartSourceTaskRequest(instance_id="bench#1", task_class="bench.BenchSourceTask",
                                                                           config={"batch.size": str(batch), "shape": shape}), timeout=10)
        request = source_task_service_pb2.PollRequest(instance_id="bench#1", max_wait_ms=1000)
        for _ in range(20):  # warm up
            stub.Poll(request, timeout=10)
        records = 0
        size = 0
        plugin_cpu = _cpu_seconds(process.process.pid)
        began = time.perf_counter()
        while time.perf_counter() - began < seconds:
            response = stub.Poll(request, timeout=10)
            records += len(response.batch.records)
            size += response.ByteSize()
        elapsed = time.perf_counter() - began
        plugin_cpu = _cpu_seconds(process.process.pid) - plugin_cpu
        process.shutdown()
        process.wait()
        return records / elapsed, size / elapsed / 1e6, plugin_cpu / records * 1e6
    finally:
        process.close()


def profile(shape: str, batch: int) -> None:
    import cProfile
    import pstats

    from bench_plugin import BenchSourceTask

    from polyconnect_sdk.wire.record_codec import encode_source_records

    task = BenchSourceTask()
    task.start({"batch.size": str(batch), "shape": shape})

    def run() -> None:
        for _ in range(200):
            response = source_task_service_pb2.PollResponse()
            encode_source_records(task.poll(), response.batch)
            response.SerializeToString()

    began = time.perf_counter()
    run()
    print(f"in-process poll + encode + serialize, {shape}: {200 * batch / (time.perf_counter() - began):,.0f} records/s")
    cProfile.runctx("run()", globals(), {"run": run}, "/tmp/poll.prof")
    pstats.Stats("/tmp/poll.prof").sort_stats("tottime").print_stats(12)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--shapes", default="struct,dict,schemaless,string")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    for shape in args.shapes.split(","):
        if args.profile:
            profile(shape, args.batch)
            continue
        rate, megabytes, cpu_us = measure(shape, args.batch, args.seconds)
        print(f"{shape:>10}: {rate:>10,.0f} records/s  ({megabytes:.1f} MB/s of PollResponse, batches of {args.batch}); "
              f"plugin CPU {cpu_us:.1f} us/record = {1e6 / cpu_us:,.0f} records/s per plugin core", flush=True)


if __name__ == "__main__":
    main()
