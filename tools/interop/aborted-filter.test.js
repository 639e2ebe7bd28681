'use strict';
// node --test aborted-filter.test.js (run by schemas' NodeAbortedFilterTest)
const test = require('node:test');
const assert = require('node:assert');
const filterAbortedMessages = require('./aborted-filter');

const ABORT = Buffer.from([0, 0, 0, 0]);
const COMMIT = Buffer.from([0, 0, 0, 1]);
const record = (offset, producerId, value) => ({
  offset: String(offset), key: Buffer.from('k'), value: Buffer.from(value), isControlRecord: false,
  batchContext: { producerId: String(producerId), inTransaction: true },
});
const marker = (offset, producerId, key) => ({
  offset: String(offset), key, value: null, isControlRecord: true,
  batchContext: { producerId: String(producerId), inTransaction: true },
});

test('drops every record of overlapping aborted transactions, listed in the order they ended', () => {
  // given: producer 7's transaction starts first and ends last; producer 8's starts later and
  // ends first; producer 9 commits in between. The broker lists aborted transactions by their end.
  const messages = [
    record(0, 7, 'a7-0'), record(1, 9, 'c9-1'), record(2, 8, 'a8-2'), record(3, 7, 'a7-3'),
    marker(4, 8, ABORT), record(5, 9, 'c9-5'), marker(6, 9, COMMIT), record(7, 7, 'a7-7'),
    marker(8, 7, ABORT), record(9, 8, 'c8-9'), marker(10, 8, COMMIT),
  ];
  const abortedTransactions = [{ producerId: '8', firstOffset: '2' }, { producerId: '7', firstOffset: '0' }];

  // when
  const kept = filterAbortedMessages({ messages, abortedTransactions })
    .filter((m) => !m.isControlRecord)
    .map((m) => m.value.toString());

  // then: the committed records only, producer 8's later transaction included
  assert.deepStrictEqual(kept, ['c9-1', 'c9-5', 'c8-9']);
});

test('keeps every record when nothing was aborted', () => {
  const messages = [record(0, 7, 'x'), marker(1, 7, COMMIT)];
  assert.strictEqual(filterAbortedMessages({ messages, abortedTransactions: [] }), messages);
});
