// Table rendering for the CLI: columns padded to the widest cell (counting characters, not UTF-16
// units), no trailing spaces, control characters flattened, missing cells empty; aligned fields;
// first lines of traces cut with an ellipsis.

import { describe, expect, it } from 'vitest';
import { firstLine, indent, renderFields, renderTable } from '../../../src/cli/table.js';

describe('renderTable', () => {
  it('pads columns to their widest cell, two spaces apart, without trailing spaces', () => {
    expect(renderTable(['NAME', 'STATE', 'TASKS'], [['file-source', 'RUNNING', '1 RUNNING'], ['sink', 'FAILED', '']])).toBe(
      ['NAME         STATE    TASKS', 'file-source  RUNNING  1 RUNNING', 'sink         FAILED'].join('\n'),
    );
  });

  it('renders headers alone when there are no rows, and missing cells as empty', () => {
    expect(renderTable(['A', 'B'], [])).toBe('A  B');
    expect(renderTable(['A', 'B', 'C'], [['x']])).toBe('A  B  C\nx');
  });

  it('keeps rows on one line and aligns characters outside the BMP', () => {
    expect(renderTable(['K', 'V'], [['a\nb', 'tab\there'], ['😀', 'x']])).toBe(['K    V', 'a b  tab here', '😀    x'].join('\n'));
  });
});

describe('renderFields, indent, firstLine', () => {
  it('aligns values after their keys', () => {
    expect(renderFields([['Name', 'src'], ['Class', 'FileStreamSource'], ['Tasks', '']])).toBe('Name:   src\nClass:  FileStreamSource\nTasks:');
  });

  it('indents non-empty lines', () => {
    expect(indent('a\n\nb')).toBe('  a\n\n  b');
  });

  it('keeps the first line, cut to the limit', () => {
    expect(firstLine('org.apache.kafka.connect.errors.ConnectException: boom\n\tat X')).toBe('org.apache.kafka.connect.errors.ConnectException: boom');
    expect(firstLine('abcdefghij', 5)).toBe('abcd…');
    expect(firstLine(undefined)).toBe('');
  });
});
