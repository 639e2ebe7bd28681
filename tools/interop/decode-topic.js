#!/usr/bin/env node
/*
 * Reads records from a Newsstream topic and decodes each value with @kafkajs/confluent-schema-registry,
 * a Confluent Schema Registry client that shares no code with Newsstream's own serdes. It takes the
 * broker and the registry (Confluent API base URL) from .newsstream/endpoints.properties, prints one
 * JSON line per record, and exits non-zero as soon as a value does not decode.
 *
 * Exit codes: 0 all records decoded, 1 a value did not decode, 2 bad usage or configuration,
 * 3 fewer records than asked for arrived before the timeout.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const avro = require('avsc');

// kafkajs's read_committed filter lets aborted records through when transactions of several
// producers overlap (see aborted-filter.js); ours replaces it before kafkajs loads it.
const kafkajsAbortFilter = require.resolve('kafkajs/src/consumer/filterAbortedMessages');
require.cache[kafkajsAbortFilter] = {
  id: kafkajsAbortFilter, filename: kafkajsAbortFilter, loaded: true, exports: require('./aborted-filter'),
};
const { Kafka, logLevel, CompressionTypes, CompressionCodecs } = require('kafkajs');
const Lz4Codec = require('@2l/kafkajs-lz4');
const SnappyCodec = require('kafkajs-snappy');
const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');

const USAGE = `usage: node decode-topic.js [options]

  --topic NAME        topic to read (default articles.enriched)
  --count N           records to decode before exiting (default 1)
  --timeout-ms MS     give up when fewer than N records arrived by then (default 30000)
  --endpoints FILE    endpoints file (default: .newsstream/endpoints.properties at the repository root)
  --bootstrap HOSTS   override kafka.bootstrap.servers from the endpoints file
  --registry URL      override schema.registry.url from the endpoints file
  --verbose           show kafkajs's own log (it logs retried coordinator errors as ERROR)
  --help              this text

Reads from the beginning of the topic with isolation level read_committed, in a fresh consumer
group, and prints {"topic","partition","offset","key","schemaId","value"} per record.`;

function parseArgs(argv) {
  const options = {
    topic: 'articles.enriched',
    count: 1,
    timeoutMs: 30000,
    endpoints: process.env.NEWSSTREAM_ENDPOINTS || path.resolve(__dirname, '..', '..', '.newsstream', 'endpoints.properties'),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new UsageError(`${arg} needs a value`);
      return argv[++i];
    };
    switch (arg) {
      case '--topic': options.topic = value(); break;
      case '--count': options.count = positiveInt(arg, value()); break;
      case '--timeout-ms': options.timeoutMs = positiveInt(arg, value()); break;
      case '--endpoints': options.endpoints = value(); break;
      case '--bootstrap': options.bootstrap = value(); break;
      case '--registry': options.registry = value(); break;
      case '--verbose': options.verbose = true; break;
      case '--help': case '-h': console.log(USAGE); process.exit(0); break;
      default: throw new UsageError(`unknown option ${arg}`);
    }
  }
  return options;
}

class UsageError extends Error {}

function positiveInt(name, text) {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${name} must be a positive whole number, got '${text}'`);
  return n;
}

/** Java .properties subset as the run command writes it: key=value lines, # comments, \\ escapes. */
function readProperties(file) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file} (${e.code || e.message}); start the stack with ./newsstream up, or pass --endpoints / --bootstrap and --registry`);
  }
  const props = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    const match = /^([^=:\s]+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (match) props[match[1]] = match[2].replace(/\\(.)/g, '$1');
  }
  return props;
}

// kafkajs reads gzip by itself; ingest-service's producer compresses articles.raw with lz4.
// zstd is not registered: its codec is a native build, and no Newsstream producer uses it.
CompressionCodecs[CompressionTypes.LZ4] = new Lz4Codec().codec;
CompressionCodecs[CompressionTypes.Snappy] = SnappyCodec;

/** avsc reads Avro longs as JS numbers and refuses values above 2^53; read them as BigInt instead. */
const longAsBigInt = avro.types.LongType.__with({
  fromBuffer: (buf) => buf.readBigInt64LE(),
  toBuffer: (n) => {
    const buf = Buffer.alloc(8);
    buf.writeBigInt64LE(BigInt(n));
    return buf;
  },
  fromJSON: BigInt,
  toJSON: Number,
  isValid: (n) => typeof n === 'bigint',
  compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
});

/** timestamp-millis as an ISO-8601 string, so the output is readable. */
class TimestampMillis extends avro.types.LogicalType {
  _fromValue(value) {
    return new Date(Number(value)).toISOString();
  }
  _toValue(value) {
    return BigInt(new Date(value).getTime());
  }
}

function toJson(record) {
  const text = JSON.stringify(record, function replacer(key, value) {
    const original = this[key];
    if (typeof original === 'bigint') return `__bigint__${original.toString()}`;
    if (Buffer.isBuffer(original)) return { base64: original.toString('base64') };
    return value;
  });
  // Exact 64-bit integers as JSON numbers, not rounded doubles.
  return text.replace(/"__bigint__(-?\d+)"/g, '$1');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const props = options.bootstrap && options.registry ? {} : readProperties(options.endpoints);
  const bootstrap = options.bootstrap || props['kafka.bootstrap.servers'];
  const registryUrl = options.registry || props['schema.registry.url'];
  if (!bootstrap) throw new UsageError(`no kafka.bootstrap.servers in ${options.endpoints}`);
  if (!registryUrl) throw new UsageError(`no schema.registry.url in ${options.endpoints}`);

  const registry = new SchemaRegistry(
    { host: registryUrl, clientId: 'newsstream-interop-check' },
    { [SchemaType.AVRO]: { registry: { long: longAsBigInt }, logicalTypes: { 'timestamp-millis': TimestampMillis } } },
  );
  const kafka = new Kafka({ clientId: 'newsstream-interop-check', brokers: bootstrap.split(','), logLevel: options.verbose ? logLevel.INFO : logLevel.NOTHING });
  const consumer = kafka.consumer({
    groupId: `newsstream-interop-${crypto.randomUUID()}`,
    // read_committed: the stream processor writes with exactly_once_v2 transactions.
    readUncommitted: false,
  });

  let decoded = 0;
  let failure;
  let finish;
  const done = new Promise((resolve) => { finish = resolve; });
  const timer = setTimeout(() => finish('timeout'), options.timeoutMs);

  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (!payload.restart) {
      failure = new Error(`consumer stopped: ${payload.error && payload.error.message}`);
      finish('crashed');
    }
  });

  try {
    await consumer.connect();
  } catch (e) {
    clearTimeout(timer);
    console.error(`CONNECT FAILED cannot reach Kafka at ${bootstrap}: ${e.cause ? e.cause.message : e.message}`);
    return 1;
  }
  await consumer.subscribe({ topics: [options.topic], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      if (decoded >= options.count || failure) return;
      const where = `${topic}/${partition}@${message.offset}`;
      const bytes = message.value;
      if (bytes === null) {
        failure = new Error(`${where}: value is null (tombstone), nothing to decode`);
        finish('failed');
        return;
      }
      let value;
      try {
        value = await registry.decode(bytes);
      } catch (e) {
        const head = bytes.subarray(0, 8).toString('hex');
        failure = new Error(`${where}: cannot decode ${bytes.length}-byte value (starts ${head}): ${e.message}`);
        finish('failed');
        return;
      }
      decoded++;
      const key = message.key === null ? null : message.key.toString('utf8');
      console.log(toJson({ topic, partition, offset: Number(message.offset), key, schemaId: bytes.readInt32BE(1), value }));
      if (decoded >= options.count) finish('ok');
    },
  });

  const outcome = await done;
  clearTimeout(timer);
  await consumer.disconnect();
  if (outcome === 'failed') {
    console.error(`DECODE FAILED ${failure.message}`);
    return 1;
  }
  if (outcome === 'crashed') {
    console.error(`CONSUMER FAILED ${failure.message}`);
    return 1;
  }
  if (outcome === 'timeout') {
    console.error(`TIMEOUT only ${decoded} of ${options.count} record(s) arrived on ${options.topic} within ${options.timeoutMs} ms (--verbose shows the Kafka client log)`);
    return 3;
  }
  console.error(`OK decoded ${decoded} record(s) from ${options.topic} with @kafkajs/confluent-schema-registry via ${registryUrl}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    if (e instanceof UsageError) {
      console.error(`error: ${e.message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(`ERROR ${e.stack || e}`);
    process.exit(1);
  },
);
