"""serve() for real: the fixture plugin runs in a subprocess launched as the worker launches
plugins, and the tests talk to it over its unix socket with grpc."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import grpc
import pytest
from grpc_health.v1 import health_pb2
from plugin_process import FIXTURE_PLUGIN, PluginProcess, error_info, fixture_command, launch_environment

from polyconnect_sdk import Struct
from polyconnect_sdk.wire.protocol import (
    config_pb2,
    connector_service_pb2,
    offsets_pb2,
    plugin_service_pb2,
    record_pb2,
    sink_task_service_pb2,
    source_task_service_pb2,
)
from polyconnect_sdk.wire.record_codec import decode_source_records


@pytest.fixture(scope="module")
def plugin():
    process = PluginProcess(fixture_command())
    yield process
    process.close()


def start_source(plugin, instance_id, offsets=(), **config):
    settings = {"topic": "numbers", **{k.replace("_", "."): str(v) for k, v in config.items()}}
    plugin.source_tasks.StartSourceTask(
        source_task_service_pb2.StartSourceTaskRequest(instance_id=instance_id, connector_name="counter", task_id=0, task_class="fixture.CounterSourceTask",
                                                       config=settings, offsets=list(offsets)), timeout=10)


def poll(plugin, instance_id, max_wait_ms=1000):
    return plugin.source_tasks.Poll(source_task_service_pb2.PollRequest(instance_id=instance_id, max_wait_ms=max_wait_ms), timeout=10 + max_wait_ms / 1000)


def stop_source(plugin, instance_id):
    plugin.source_tasks.StopSourceTask(source_task_service_pb2.StopSourceTaskRequest(instance_id=instance_id), timeout=10)


class TestLaunch:
    def test_run_by_hand_it_explains_itself_and_exits_1(self):
        env = {k: v for k, v in os.environ.items() if k != "POLYCONNECT_PLUGIN"}
        result = subprocess.run(fixture_command(), env=env, capture_output=True, text=True, timeout=30)
        assert result.returncode == 1
        assert "This program is a Polyconnect plugin. It is not meant to be run directly" in result.stderr
        assert "1|1|" not in result.stdout

    def test_a_wrong_cookie_is_the_same_as_none(self):
        env = {**launch_environment(tempfile.gettempdir()), "POLYCONNECT_PLUGIN": "nope"}
        result = subprocess.run(fixture_command(), env=env, capture_output=True, text=True, timeout=30)
        assert result.returncode == 1 and "not meant to be run directly" in result.stderr

    def test_no_common_protocol_version(self):
        env = launch_environment(tempfile.gettempdir(), versions="2,3")
        result = subprocess.run(fixture_command(), env=env, capture_output=True, text=True, timeout=30)
        assert result.returncode == 1
        assert 'No common plugin protocol version: the worker offers "2,3", this plugin speaks 1' in result.stderr
        assert result.stdout == ""

    def test_the_handshake_is_the_only_stdout_line_and_names_a_socket_in_the_given_directory(self, plugin):
        assert plugin.stdout_lines == [plugin.stdout_lines[0]]
        line = plugin.stdout_lines[0]
        assert line == f"1|1|unix|{plugin.handshake.address}|grpc"
        path = Path(plugin.handshake.address)
        assert path.parent == Path(plugin.socket_dir)
        assert path.name.startswith(f"plugin-{plugin.process.pid}-") and path.suffix == ".sock"
        assert stat.S_ISSOCK(path.stat().st_mode)

    def test_the_highest_common_version_is_chosen(self):
        directory = tempfile.mkdtemp()
        process = PluginProcess(fixture_command(), env=launch_environment(directory, versions="3, 1 ,2"))
        try:
            assert process.handshake.app_protocol_version == 1
        finally:
            process.close()

    def test_stdout_prints_and_logs_go_to_stderr_as_json_lines(self, plugin):
        start_source(plugin, "logs#1")
        stop_source(plugin, "logs#1")
        deadline = time.time() + 5
        while time.time() < deadline and not any("stdlib logging works too" in line for line in plugin.stderr_lines):
            time.sleep(0.05)
        lines = list(plugin.stderr_lines)
        assert "a library printing on stdout at import time must not break the handshake" in lines
        assert "print after serve() starts also goes to stderr" in lines
        entries = [json.loads(line) for line in lines if line.startswith("{")]
        started = next(e for e in entries if e["msg"] == "CounterSourceTask started")
        assert started["level"] == "info" and started["next"] == 0 and started["time"].endswith("Z")
        stdlib = next(e for e in entries if e["msg"] == "stdlib logging works too")
        assert stdlib["level"] == "warn" and stdlib["answer"] == 42 and stdlib["logger"] == "fixture.stdlib"


class TestServices:
    def test_health_reports_serving_for_plugin_and_the_empty_name(self, plugin):
        for service in ("plugin", ""):
            assert plugin.health.Check(health_pb2.HealthCheckRequest(service=service), timeout=5).status == health_pb2.HealthCheckResponse.SERVING

    def test_describe(self, plugin):
        response = plugin.plugin.Describe(plugin_service_pb2.DescribeRequest(), timeout=5)
        assert (response.name, response.version) == ("fixture", "1.2.3")
        source, sink = response.connectors
        assert (source.class_name, list(source.aliases), source.type, source.version) == (
            "fixture.CounterSourceConnector", ["CounterSource"], plugin_service_pb2.CONNECTOR_TYPE_SOURCE, "9.9.9")
        assert [k.name for k in source.config_keys] == ["topic", "batch.size", "poll.delay.ms", "fail.poll", "marker.dir"]
        topic, batch_size = source.config_keys[:2]
        assert topic.required and not topic.HasField("default_value") and topic.importance == config_pb2.CONFIG_IMPORTANCE_HIGH
        assert batch_size.default_value == "3" and batch_size.type == config_pb2.CONFIG_TYPE_INT and batch_size.display_name == "batch.size"
        assert (sink.class_name, sink.type) == ("fixture.MemorySinkConnector", plugin_service_pb2.CONNECTOR_TYPE_SINK)

    def test_validate_config(self, plugin):
        response = plugin.connectors.ValidateConfig(connector_service_pb2.ValidateConfigRequest(connector_class="fixture.CounterSourceConnector",
                                                                                                config={"batch.size": "0"}), timeout=5)
        by_name = {v.name: v for v in response.values}
        assert list(by_name["topic"].errors) == ['Missing required configuration "topic" which has no default value.']
        assert list(by_name["batch.size"].errors) == ["Invalid value 0 for configuration batch.size: Value must be at least 1"]
        assert by_name["batch.size"].value == "0" and by_name["poll.delay.ms"].value == "0" and by_name["topic"].visible

    def test_connector_lifecycle_with_events(self, plugin):
        request = connector_service_pb2.StartConnectorRequest(instance_id="c#1", connector_class="CounterSource", connector_name="counter",
                                                             config={"topic": "numbers", "reconfigure": "true", "raise.error": "true", "tasks.max": "2"})
        assert plugin.connectors.StartConnector(request, timeout=5).version == "9.9.9"
        time.sleep(0.5)  # events raised before the stream opens are kept
        stream = plugin.connectors.WatchConnectorEvents(connector_service_pb2.WatchConnectorEventsRequest(instance_id="c#1"), timeout=20)
        events = []
        for event in stream:
            events.append(event)
            if len(events) == 2:
                break
        kinds = sorted(event.WhichOneof("event") for event in events)
        assert kinds == ["error", "request_task_reconfiguration"]
        error = next(e.error for e in events if e.WhichOneof("event") == "error")
        assert (error.error_class, error.message, error.retriable) == ("RuntimeError", "background failure", False)
        configs = plugin.connectors.GetTaskConfigs(connector_service_pb2.GetTaskConfigsRequest(instance_id="c#1", max_tasks=2), timeout=5)
        assert configs.task_class == "fixture.CounterSourceTask"
        assert [dict(c.config)["task.index"] for c in configs.task_configs] == ["0", "1"]

        second = plugin.connectors.WatchConnectorEvents(connector_service_pb2.WatchConnectorEventsRequest(instance_id="c#1"), timeout=20)
        ended = threading.Event()
        endings = []

        def drain():
            try:
                list(second)
                endings.append(grpc.StatusCode.OK)
            except grpc.RpcError as error:
                endings.append(error.code())
            ended.set()

        threading.Thread(target=drain, daemon=True).start()
        time.sleep(0.5)  # let the stream reach the plugin before the stop
        plugin.connectors.StopConnector(connector_service_pb2.StopConnectorRequest(instance_id="c#1"), timeout=5)
        assert ended.wait(5), "the event stream ends when the connector stops"
        # OK when the stream was open at the stop; NOT_FOUND if, on a loaded machine, it reached the plugin only after it.
        assert endings[0] in (grpc.StatusCode.OK, grpc.StatusCode.NOT_FOUND)
        with pytest.raises(grpc.RpcError) as raised:
            plugin.connectors.GetTaskConfigs(connector_service_pb2.GetTaskConfigsRequest(instance_id="c#1", max_tasks=1), timeout=5)
        assert raised.value.code() == grpc.StatusCode.NOT_FOUND

    def test_a_bad_config_fails_start_with_invalid_argument_and_leaves_no_instance(self, plugin):
        request = connector_service_pb2.StartConnectorRequest(instance_id="bad#1", connector_class="fixture.CounterSourceConnector", connector_name="bad", config={})
        with pytest.raises(grpc.RpcError) as raised:
            plugin.connectors.StartConnector(request, timeout=5)
        assert raised.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert raised.value.details() == 'ConfigException: Missing required configuration "topic" which has no default value.'
        info = error_info(raised.value)
        assert info.error_class == "ConfigException" and not info.retriable and "Traceback" in info.stack_trace
        with pytest.raises(grpc.RpcError) as raised:
            plugin.connectors.StopConnector(connector_service_pb2.StopConnectorRequest(instance_id="bad#1"), timeout=5)
        assert raised.value.code() == grpc.StatusCode.NOT_FOUND

    def test_unknown_instances_are_not_found_with_error_info(self, plugin):
        with pytest.raises(grpc.RpcError) as raised:
            poll(plugin, "nobody#1", 10)
        assert raised.value.code() == grpc.StatusCode.NOT_FOUND
        assert raised.value.details() == 'UnknownInstanceError: No instance "nobody#1" in this plugin process'
        assert error_info(raised.value).error_class == "UnknownInstanceError"

    def test_an_instance_of_another_kind_is_not_found(self, plugin):
        start_source(plugin, "kind#1")
        try:
            with pytest.raises(grpc.RpcError) as raised:
                plugin.sink_tasks.Put(sink_task_service_pb2.PutRequest(instance_id="kind#1"), timeout=5)
            assert raised.value.code() == grpc.StatusCode.NOT_FOUND
            with pytest.raises(grpc.RpcError) as raised:
                start_source(plugin, "kind#1")
            assert raised.value.code() == grpc.StatusCode.INTERNAL and "already exists" in raised.value.details()
        finally:
            stop_source(plugin, "kind#1")


class TestSourceTasks:
    def test_poll_resumes_from_the_committed_offset_and_commit_reaches_the_task(self, plugin):
        offsets = [offsets_pb2.SourceOffset(partition='{"other":"x"}', offset=""), offsets_pb2.SourceOffset(partition='{"counter":"main"}', offset='{"next":40}')]
        start_source(plugin, "src#1", offsets, batch_size=3)
        response = poll(plugin, "src#1")
        assert len(response.batch.schemas) == 1
        assert [r.value for r in response.batch.records] == ['{"n":40}', '{"n":41}', '{"n":42}']
        assert response.batch.records[0].source_partition == '{"counter":"main"}' and response.batch.records[2].source_offset == '{"next":43}'
        records = decode_source_records(response.batch)
        assert records[0].value == Struct(records[0].value_schema, {"n": 40})
        plugin.source_tasks.Commit(source_task_service_pb2.CommitRequest(instance_id="src#1", offsets=[offsets_pb2.SourceOffset(partition='{"counter":"main"}', offset='{"next":43}')]), timeout=5)
        assert [r.value for r in poll(plugin, "src#1").batch.records] == ['{"n":43}', '{"n":44}', '{"n":45}']
        stop_source(plugin, "src#1")
        deadline = time.time() + 5
        while time.time() < deadline and not any('"msg": "Committed"' in line for line in plugin.stderr_lines):
            time.sleep(0.05)
        committed = next(json.loads(line) for line in plugin.stderr_lines if '"msg": "Committed"' in line)
        assert committed["offsets"] == [[{"counter": "main"}, {"next": 43}]]

    def test_a_slow_poll_answers_empty_and_its_records_come_with_the_next_call(self, plugin):
        start_source(plugin, "slow#1", batch_size=2, poll_delay_ms=700)
        began = time.monotonic()
        first = poll(plugin, "slow#1", max_wait_ms=200)
        assert time.monotonic() - began < 0.6
        assert first.HasField("batch") and len(first.batch.records) == 0
        second = poll(plugin, "slow#1", max_wait_ms=2000)
        third = poll(plugin, "slow#1", max_wait_ms=2000)
        values = [r.value for r in second.batch.records] + [r.value for r in third.batch.records]
        assert values == ['{"n":0}', '{"n":1}', '{"n":2}', '{"n":3}']  # nothing lost, nothing repeated
        stop_source(plugin, "slow#1")

    def test_stop_makes_a_waiting_poll_answer_promptly(self, plugin):
        marker = tempfile.mkdtemp()
        start_source(plugin, "stop#1", poll_delay_ms=30_000, marker_dir=marker)
        outcome = {}

        def waiting_poll():
            began = time.monotonic()
            outcome["response"] = poll(plugin, "stop#1", max_wait_ms=20_000)
            outcome["seconds"] = time.monotonic() - began

        thread = threading.Thread(target=waiting_poll)
        thread.start()
        time.sleep(0.3)
        stop_source(plugin, "stop#1")
        thread.join(10)
        assert outcome["seconds"] < 3 and len(outcome["response"].batch.records) == 0
        assert os.path.exists(os.path.join(marker, "stopped-0"))

    def test_a_retriable_poll_error_is_unavailable_with_retriable_error_info(self, plugin):
        start_source(plugin, "retry#1", fail_poll="retriable")
        with pytest.raises(grpc.RpcError) as raised:
            poll(plugin, "retry#1")
        assert raised.value.code() == grpc.StatusCode.UNAVAILABLE
        info = error_info(raised.value)
        assert (info.error_class, info.message, info.retriable) == ("RetriableException", "upstream busy", True)
        stop_source(plugin, "retry#1")

    def test_any_other_poll_error_is_internal_with_the_stack_trace(self, plugin):
        start_source(plugin, "fatal#1", fail_poll="fatal")
        with pytest.raises(grpc.RpcError) as raised:
            poll(plugin, "fatal#1")
        assert raised.value.code() == grpc.StatusCode.INTERNAL
        assert raised.value.details() == "ValueError: poll exploded"
        info = error_info(raised.value)
        assert "fixture_plugin.py" in info.stack_trace and info.stack_trace.endswith("ValueError: poll exploded")
        stop_source(plugin, "fatal#1")


class TestSinkTasks:
    def test_put_reports_errant_records_by_original_coordinates_and_precommit_answers(self, plugin, tmp_path):
        output = tmp_path / "out.txt"
        plugin.sink_tasks.StartSinkTask(sink_task_service_pb2.StartSinkTaskRequest(instance_id="sink#1", connector_name="sink", task_id=0,
                                                                                   task_class="fixture.MemorySinkTask", config={"file": str(output)}), timeout=5)
        plugin.sink_tasks.OpenPartitions(sink_task_service_pb2.OpenPartitionsRequest(instance_id="sink#1", partitions=[offsets_pb2.TopicPartition(topic="in", partition=0)]), timeout=5)
        batch = record_pb2.SinkRecordBatch()
        batch.schemas.add(type=8)  # STRING
        batch.records.add(topic="in", kafka_partition=0, kafka_offset=5, value_schema_ref=1, value='"good"')
        batch.records.add(topic="renamed", kafka_partition=2, kafka_offset=6, value_schema_ref=1, value='"bad"',
                          original_topic="in", original_kafka_partition=0, original_kafka_offset=6)
        response = plugin.sink_tasks.Put(sink_task_service_pb2.PutRequest(instance_id="sink#1", batch=batch), timeout=5)
        assert [(e.topic, e.kafka_partition, e.kafka_offset, e.error.error_class, e.error.message) for e in response.errant_records] == [
            ("in", 0, 6, "DataException", "bad record")]
        commit = plugin.sink_tasks.PreCommit(sink_task_service_pb2.PreCommitRequest(instance_id="sink#1", offsets=[
            offsets_pb2.TopicPartitionOffset(topic="in", partition=0, offset=7), offsets_pb2.TopicPartitionOffset(topic="x", partition=0, offset=0)]), timeout=5)
        assert [(o.topic, o.partition, o.offset) for o in commit.offsets] == [("in", 0, 7)] and len(commit.errant_records) == 0
        plugin.sink_tasks.ClosePartitions(sink_task_service_pb2.ClosePartitionsRequest(instance_id="sink#1", partitions=[offsets_pb2.TopicPartition(topic="in", partition=0)]), timeout=5)
        plugin.sink_tasks.StopSinkTask(sink_task_service_pb2.StopSinkTaskRequest(instance_id="sink#1"), timeout=5)
        assert output.read_text() == "in/0/5 good\nstopped\n"

    def test_an_empty_put_is_fine(self, plugin, tmp_path):
        plugin.sink_tasks.StartSinkTask(sink_task_service_pb2.StartSinkTaskRequest(instance_id="sink#2", task_class="fixture.MemorySinkTask",
                                                                                   config={"file": str(tmp_path / "o")}), timeout=5)
        assert len(plugin.sink_tasks.Put(sink_task_service_pb2.PutRequest(instance_id="sink#2"), timeout=5).errant_records) == 0
        plugin.sink_tasks.StopSinkTask(sink_task_service_pb2.StopSinkTaskRequest(instance_id="sink#2"), timeout=5)


class TestStopping:
    def _started(self):
        process = PluginProcess(fixture_command())
        marker = tempfile.mkdtemp()
        start_source(process, "s#1", marker_dir=marker)
        return process, marker

    def test_shutdown_stops_every_instance_removes_the_socket_and_exits_0(self):
        process, marker = self._started()
        try:
            process.shutdown()
            assert process.wait() == 0
            assert os.path.exists(os.path.join(marker, "stopped-0"))
            assert not os.path.exists(process.handshake.address)
        finally:
            process.close()

    def test_sigterm_is_shutdown(self):
        process, marker = self._started()
        try:
            process.process.send_signal(signal.SIGTERM)
            assert process.wait() == 0
            assert os.path.exists(os.path.join(marker, "stopped-0"))
        finally:
            process.close()

    def test_sigint_is_ignored(self):
        process, _ = self._started()
        try:
            process.process.send_signal(signal.SIGINT)
            time.sleep(0.5)
            assert process.process.poll() is None
            assert len(poll(process, "s#1").batch.records) == 3
            process.shutdown()
            assert process.wait() == 0
        finally:
            process.close()

    def test_an_orphaned_plugin_stops_itself(self):
        # A parent that starts the plugin and dies at once, as a worker killed with SIGKILL would.
        socket_dir = tempfile.mkdtemp()
        parent = subprocess.run(
            [sys.executable, "-c", "import subprocess, sys; p = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL); "
             "p.stdout.readline(); print(p.pid)",
             sys.executable, str(FIXTURE_PLUGIN)],
            env=launch_environment(socket_dir), capture_output=True, text=True, timeout=30,
        )
        pid = int(parent.stdout.strip())
        deadline = time.time() + 20
        while time.time() < deadline and _alive(pid):
            time.sleep(0.1)
        assert not _alive(pid), "the orphaned plugin should have exited"


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat_file:
            return stat_file.read().split(") ")[1].split()[0] not in ("Z", "X")
    except FileNotFoundError:
        return False
