'use strict';
/*
 * Drops the records of aborted transactions from a fetched partition, as Kafka's Java consumer does
 * under isolation level read_committed. kafkajs 2.2.4's own filter (src/consumer/filterAbortedMessages.js)
 * takes the broker's aborted-transaction list to be ordered by first offset and enters at most one
 * transaction per record, but the broker lists them in the order they ended: when transactions of
 * several producers overlap in a partition (two processor instances, one of them killed while it
 * wrote), it let aborted records through. decode-topic.js puts this one in its place.
 */

const ABORT_MARKER_KEY = Buffer.from([0, 0, 0, 0]); // control record key: version 0, type 0 = ABORT

function isAbortMarker(message) {
  return Boolean(message.key) && Buffer.from(message.key).equals(ABORT_MARKER_KEY);
}

/**
 * @param {{messages: object[], abortedTransactions?: {producerId: *, firstOffset: *}[]}} fetched messages
 *   in offset order, each with offset, key, isControlRecord and batchContext {producerId, inTransaction}
 * @returns {object[]} the messages outside aborted transactions (control records are left in; kafkajs
 *   drops them after this filter)
 */
function filterAbortedMessages({ messages, abortedTransactions }) {
  if (!abortedTransactions || abortedTransactions.length === 0) return messages;
  const pending = [...abortedTransactions].sort((a, b) => {
    const x = BigInt(a.firstOffset.toString());
    const y = BigInt(b.firstOffset.toString());
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const aborted = new Set();
  return messages.filter((message) => {
    const offset = BigInt(message.offset.toString());
    while (pending.length && BigInt(pending[0].firstOffset.toString()) <= offset) {
      aborted.add(pending.shift().producerId.toString());
    }
    const { producerId, inTransaction } = message.batchContext;
    const producer = producerId.toString();
    if (message.isControlRecord) {
      if (isAbortMarker(message)) aborted.delete(producer);
      return true;
    }
    return !(inTransaction && aborted.has(producer));
  });
}

module.exports = filterAbortedMessages;
