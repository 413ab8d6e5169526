"""HttpSourceTask: GETs the URL, picks the records out of the JSON answer, skips those at or below
the last offset, and turns the rest into SourceRecords whose offset is their offset.field value.

Offsets: the source partition is ``{"url": <http.url>}`` and each record's source offset is
``{"offset": <its offset.field value>}``. The task resumes from the committed offset on start, and
keeps its own last offset in memory between commits, so a record is emitted once per task life;
after a crash the worker restarts it from the last committed offset (Kafka Connect's at-least-once).
"""

from __future__ import annotations

import decimal
import json
import threading
import time
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from polyconnect_sdk import (
    OPTIONAL_STRING_SCHEMA,
    ConnectException,
    RetriableException,
    SourceRecord,
    SourceTask,
    get_logger,
)

from . import VERSION
from .config import parse_config
from .json_paths import lookup, parse_path
from .schemas import has_decimal, infer, parse_schema_text, plain_json, to_value

log = get_logger("polyconnect_http_source")
RETRIABLE_HTTP_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
_MISSING = object()


def offset_is_after(candidate: Any, last: Any) -> bool:
    """Whether an offset.field value comes after the last one: numbers as numbers, text as text."""
    if last is None:
        return True
    numeric = (int, float, decimal.Decimal)
    if isinstance(candidate, numeric) and isinstance(last, numeric) and not isinstance(candidate, bool) and not isinstance(last, bool):
        return candidate > last
    if isinstance(candidate, str) and isinstance(last, str):
        return candidate > last
    return str(candidate) > str(last)


def _offset_text(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class HttpSourceTask(SourceTask):
    class_name = "io.polyconnect.http.HttpSourceTask"

    def version(self) -> str:
        return VERSION

    def start(self, config):
        settings = parse_config(config)
        self._url: str = settings["http.url"]
        self._topic: str = settings["topic"]
        self._interval = settings["poll.interval.ms"] / 1000
        self._timeout = settings["http.timeout.ms"] / 1000
        self._headers = {"Accept": "application/json", "User-Agent": f"polyconnect-http-source/{VERSION}"}
        for entry in settings["http.headers"]:
            name, value = entry.split(":", 1)
            self._headers[name.strip()] = value.strip()
        self._records_path = parse_path(settings["json.records.path"])
        self._offset_path = parse_path(settings["offset.field"]) if settings["offset.field"] else None
        self._offset_param: str = settings["offset.param"]
        self._offset_initial: str | None = settings["offset.initial"]
        self._key_path = parse_path(settings["key.field"]) if settings["key.field"] else None
        self._schema = parse_schema_text(settings["value.schema"]) if settings["value.schema"] else None
        self._infer = settings["value.schema.infer"] and self._schema is None
        self._exact_numbers = has_decimal(self._schema)
        self._partition = {"url": self._url}
        committed = self.context.offset_storage_reader.offset(self._partition)
        self._last_offset = committed.get("offset") if committed else None
        self._stopping = threading.Event()
        self._next_fetch = 0.0
        log.info("HttpSourceTask started", url=self._url, topic=self._topic, offset=self._last_offset)

    def poll(self):
        wait = self._next_fetch - time.monotonic()
        if wait > 0:
            # Wait at most a second per poll, so that the worker can pause or stop the task promptly.
            if self._stopping.wait(min(wait, 1.0)) or time.monotonic() < self._next_fetch:
                return None
        if self._stopping.is_set():
            return None
        try:
            records = self._fetch()
        except RetriableException:
            self._next_fetch = time.monotonic() + max(self._interval, 1.0)
            raise
        if records and self._offset_path is not None:
            self._next_fetch = 0.0  # there may be more: ask again at once
        else:
            self._next_fetch = time.monotonic() + self._interval
        return records

    def stop(self):
        self._stopping.set()

    # ----------------------------------------------------------------------------------------

    def request_url(self) -> str:
        """The URL with the offset parameter (the last offset, or offset.initial) in its query."""
        value = _offset_text(self._last_offset) if self._last_offset is not None else self._offset_initial
        if not self._offset_param or self._offset_path is None or value is None:
            return self._url
        parts = urlsplit(self._url)
        query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != self._offset_param]
        query.append((self._offset_param, value))
        return urlunsplit(parts._replace(query=urlencode(query)))

    def _fetch(self) -> list[SourceRecord]:
        url = self.request_url()
        body = self._get(url)
        try:
            document = json.loads(body, parse_float=decimal.Decimal) if self._exact_numbers else json.loads(body)
        except ValueError as error:
            raise ConnectException(f"{url} did not answer with JSON ({error}): {body[:200]!r}") from None
        found = lookup(document, self._records_path, _MISSING)
        if found is _MISSING:
            raise ConnectException(f'json.records.path "{"/".join(self._records_path)}" is not in the answer of {url}')
        items = found if isinstance(found, list) else [] if found is None else [found]
        return self._to_records(items, url)

    def _get(self, url: str) -> bytes:
        request = urllib.request.Request(url, headers=self._headers, method="GET")
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as response:  # noqa: S310 - the URL is the user's
                return response.read()
        except urllib.error.HTTPError as error:
            detail = error.read(300).decode("utf-8", "replace") if error.fp else ""
            message = f"GET {url} answered {error.code} {error.reason}: {detail}"
            if error.code in RETRIABLE_HTTP_STATUSES:
                log.warn("HTTP request failed; will retry", url=url, status=error.code)
                raise RetriableException(message) from None
            raise ConnectException(message) from None
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as error:
            reason = getattr(error, "reason", error)
            log.warn("HTTP request failed; will retry", url=url, error=str(reason))
            raise RetriableException(f"GET {url} failed: {reason}") from None

    def _to_records(self, items: list[Any], url: str) -> list[SourceRecord]:
        if self._offset_path is not None:
            keyed = []
            for index, item in enumerate(items):
                offset = lookup(item, self._offset_path, None)
                if offset is None or isinstance(offset, (dict, list)):
                    raise ConnectException(
                        f'Record {index} from {url} has no usable offset.field "{"/".join(self._offset_path)}" '
                        f"(it must be a number or text): {json.dumps(plain_json(item))[:200]}"
                    )
                if isinstance(offset, decimal.Decimal):
                    offset = float(offset)
                if offset_is_after(offset, self._last_offset):
                    keyed.append((offset, item))
            keyed.sort(key=lambda pair: (isinstance(pair[0], str), pair[0]))  # numbers first, then text; stable
        else:
            keyed = [(None, item) for item in items]
        records = []
        for offset, item in keyed:
            records.append(self._record(item, offset))
            if offset is not None:
                self._last_offset = offset
        return records

    def _record(self, item: Any, offset: Any) -> SourceRecord:
        if self._schema is not None:
            schema, value = self._schema, to_value(self._schema, item)
        elif self._infer:
            schema, value = infer(item)
        else:
            schema, value = None, plain_json(item)
        key = None
        if self._key_path is not None:
            found = lookup(item, self._key_path, None)
            if found is not None:
                key = found if isinstance(found, str) else json.dumps(plain_json(found))
        return SourceRecord(
            topic=self._topic,
            key=key,
            key_schema=OPTIONAL_STRING_SCHEMA if self._key_path is not None else None,
            value=value,
            value_schema=schema,
            source_partition=self._partition,
            source_offset={"offset": offset} if offset is not None else None,
        )
