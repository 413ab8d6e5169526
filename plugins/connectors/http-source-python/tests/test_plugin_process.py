"""The plugin as the worker runs it: run.sh in the plugin folder, the handshake, Describe, and a
source task polled over the unix socket (tests/plugin_process.py from the SDK launches it)."""

from __future__ import annotations

import json
from pathlib import Path

from plugin_process import PluginProcess

from polyconnect_sdk.wire.protocol import offsets_pb2, plugin_service_pb2, source_task_service_pb2

PLUGIN_DIR = Path(__file__).resolve().parents[1]


def test_describe_agrees_with_plugin_json_and_a_task_polls_records(server):
    manifest = json.loads((PLUGIN_DIR / "plugin.json").read_text())
    process = PluginProcess([str(PLUGIN_DIR / "run.sh")], cwd=str(PLUGIN_DIR))
    try:
        described = process.plugin.Describe(plugin_service_pb2.DescribeRequest(), timeout=10)
        assert (described.name, described.version) == (manifest["name"], manifest["version"])
        [connector] = described.connectors
        [declared] = manifest["connectors"]
        assert (connector.class_name, list(connector.aliases), connector.type) == (declared["class"], declared["aliases"], plugin_service_pb2.CONNECTOR_TYPE_SOURCE)
        assert [k.name for k in connector.config_keys][:2] == ["http.url", "topic"]

        server.items = [{"id": 1, "v": "a"}, {"id": 2, "v": "b"}, {"id": 3, "v": "c"}]
        config = {"http.url": server.url, "topic": "t", "offset.field": "id", "poll.interval.ms": "100"}
        process.source_tasks.StartSourceTask(source_task_service_pb2.StartSourceTaskRequest(
            instance_id="http-0#1", connector_name="http", task_id=0, task_class="io.polyconnect.http.HttpSourceTask", config=config,
            offsets=[offsets_pb2.SourceOffset(partition=json.dumps({"url": server.url}), offset='{"offset":1}')]), timeout=10)
        batch = process.source_tasks.Poll(source_task_service_pb2.PollRequest(instance_id="http-0#1", max_wait_ms=2000), timeout=10).batch
        assert [r.value for r in batch.records] == ['{"id":2,"v":"b"}', '{"id":3,"v":"c"}']
        assert [r.source_offset for r in batch.records] == ['{"offset":2}', '{"offset":3}']
        assert server.requests[0]["query"] == {"since": ["1"]}
        process.shutdown()
        assert process.wait() == 0
    finally:
        process.close()
