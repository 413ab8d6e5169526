// The CLI's readable output for each answer: the connector list, status (first trace line only),
// describe (whole traces, sorted config), task configs, active topics, plugins, validation errors,
// offsets and watch lines.

import { describe, expect, it } from 'vitest';
import type { ConnectorInfo, ConnectorStatus, TaskInfo } from '../../../src/api/grpc/admin-messages.js';
import { timestampOf, toStruct } from '../../../src/api/grpc/proto-json.js';
import { changeLine, connectorListView, describeView, offsetsView, pluginsView, shortEnum, statusView, taskConfigsView, taskSummary, topicsView, validationView } from '../../../src/cli/views.js';

const W = '127.0.0.1:8083';
const STATUS: ConnectorStatus = {
  name: 'src',
  connector: { state: 'CONNECTOR_STATE_RUNNING', workerId: W },
  tasks: [
    { id: 0, state: 'CONNECTOR_STATE_RUNNING', workerId: W },
    { id: 1, state: 'CONNECTOR_STATE_FAILED', workerId: W, trace: 'java.lang.Exception: boom\n\tat Task.poll' },
  ],
  type: 'CONNECTOR_TYPE_SOURCE',
};
const INFO: ConnectorInfo = { name: 'src', config: { 'connector.class': 'FileStreamSource', name: 'src', file: '/in.txt' }, tasks: [], type: 'CONNECTOR_TYPE_SOURCE' };

describe('views', () => {
  it('shortens enum values', () => {
    expect(shortEnum('CONNECTOR_STATE_RUNNING')).toBe('RUNNING');
    expect(shortEnum('PLUGIN_TYPE_HEADER_CONVERTER')).toBe('HEADER_CONVERTER');
    expect(shortEnum('CONNECTOR_TYPE_UNSPECIFIED')).toBe('');
    expect(taskSummary(STATUS)).toBe('1 RUNNING, 1 FAILED');
    expect(taskSummary(null)).toBe('-');
  });

  it('lists connectors sorted by name, with type, state, tasks and class', () => {
    const view = connectorListView([
      { name: 'src', info: INFO, status: STATUS },
      { name: 'new', info: { ...INFO, name: 'new', type: 'CONNECTOR_TYPE_UNSPECIFIED', config: { 'connector.class': 'Gone' } }, status: null },
    ]);
    expect(view).toBe(['NAME  TYPE     STATE    TASKS                CLASS', 'new   unknown  -        -                    Gone', 'src   source   RUNNING  1 RUNNING, 1 FAILED  FileStreamSource'].join('\n'));
    expect(connectorListView([])).toBe('No connectors.');
  });

  it('shows a status with one row per instance and the first trace line', () => {
    expect(statusView(STATUS)).toBe(
      ['src (source)', 'WHAT       STATE    WORKER          TRACE', `connector  RUNNING  ${W}`, `task 0     RUNNING  ${W}`, `task 1     FAILED   ${W}  java.lang.Exception: boom`].join('\n'),
    );
  });

  it('describes a connector with whole traces and its sorted config', () => {
    const view = describeView(INFO, STATUS);
    expect(view).toContain('Name:   src\nType:   source\nClass:  FileStreamSource\nState:  RUNNING on 127.0.0.1:8083\nTasks:  1 RUNNING, 1 FAILED');
    expect(view).toContain('Traces:\n  task 1:\n    java.lang.Exception: boom\n    \tat Task.poll');
    expect(view).toContain('Config:\n  KEY              VALUE\n  connector.class  FileStreamSource\n  file             /in.txt\n  name             src');
    expect(describeView(INFO, null)).toContain('State:  -');
  });

  it('shows task configs, one row per key, keys sorted', () => {
    const tasks: TaskInfo[] = [
      { id: { connector: 'src', task: 0 }, config: { topic: 't', 'task.class': 'A', file: '/a' } },
      { id: { connector: 'src', task: 1 }, config: {} },
    ];
    expect(taskConfigsView(tasks)).toBe(['TASK  KEY         VALUE', '0     file        /a', '0     task.class  A', '0     topic       t', '1'].join('\n'));
    expect(taskConfigsView([])).toBe('No tasks.');
  });

  it('lists active topics sorted', () => {
    expect(topicsView(['b', 'a'])).toBe('TOPIC\na\nb');
    expect(topicsView([])).toBe('No active topics.');
  });

  it('lists plugins', () => {
    expect(pluginsView([{ className: 'a.B', type: 'PLUGIN_TYPE_SINK', version: '1.0' }, { className: 'c.D', type: 'PLUGIN_TYPE_TRANSFORMATION' }])).toBe('CLASS  TYPE            VERSION\na.B    sink            1.0\nc.D    transformation');
  });

  it('shows validation errors per key, or that the config is valid', () => {
    const configs = [
      { definition: null, value: { name: 'file', recommendedValues: [], errors: ['Missing required configuration "file" which has no default value.'], visible: true } },
      { definition: null, value: { name: 'tasks.max', value: 'zero', recommendedValues: [], errors: ['Not a number of type INT', 'second'], visible: true } },
      { definition: null, value: { name: 'topic', value: 't', recommendedValues: [], errors: [], visible: true } },
    ];
    expect(validationView({ name: 'FileStreamSource', errorCount: 2, configs })).toBe(
      ['KEY        VALUE  ERROR', 'file              Missing required configuration "file" which has no default value.', 'tasks.max  zero   Not a number of type INT', 'tasks.max  zero   second', '', '2 key(s) with errors for FileStreamSource.'].join('\n'),
    );
    expect(validationView({ name: 'X', errorCount: 0, configs })).toBe('The config is valid for X (3 keys checked).');
  });

  it('shows offsets as compact JSON', () => {
    expect(offsetsView([{ partition: toStruct({ filename: '/in.txt' }), offset: toStruct({ position: 12 }) }, { partition: toStruct({ filename: '/b' }), offset: null }])).toBe(
      'PARTITION               OFFSET\n{"filename":"/in.txt"}  {"position":12}\n{"filename":"/b"}       null',
    );
    expect(offsetsView([])).toBe('No offsets.');
  });

  it('prints one line per change, with the previous state when known', () => {
    const time = timestampOf(Date.UTC(2024, 4, 6, 7, 8, 9, 10));
    expect(changeLine({ connector: 'src', taskId: 0, status: { state: 'CONNECTOR_STATE_FAILED', workerId: W, trace: 'Error: exited\n at x' }, time }, 'RUNNING')).toBe(
      `2024-05-06T07:08:09.010Z  src  task 0  RUNNING -> FAILED  ${W}  Error: exited`,
    );
    expect(changeLine({ connector: 'src', status: { state: 'CONNECTOR_STATE_PAUSED', workerId: W }, time }, undefined)).toBe(`2024-05-06T07:08:09.010Z  src  connector  PAUSED  ${W}`);
    expect(changeLine({ connector: 'src', status: null, time }, 'RUNNING')).toBe('2024-05-06T07:08:09.010Z  src  connector  removed');
  });
});
