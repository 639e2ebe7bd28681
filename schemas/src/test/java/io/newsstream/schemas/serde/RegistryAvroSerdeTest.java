package io.newsstream.schemas.serde;

import static io.newsstream.schemas.serde.SampleRecords.config;
import static io.newsstream.schemas.serde.SampleRecords.mockUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstream.schemas.avro.ArticleSubmitted;
import io.newsstream.schemas.avro.DeadLetter;
import io.newsstream.schemas.avro.DuplicateDetected;
import io.newsstream.schemas.avro.EnrichedArticle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The wire format, the reader modes and every loud failure of the registry-aware serdes. */
class RegistryAvroSerdeTest {

  private static final String TOPIC = "articles.raw";

  static Stream<Arguments> everyRecordType() {
    return Stream.of(
        Arguments.of(ArticleSubmitted.class, SampleRecords.articleSubmitted()),
        Arguments.of(EnrichedArticle.class, SampleRecords.enrichedArticle()),
        Arguments.of(DuplicateDetected.class, SampleRecords.duplicateDetected()),
        Arguments.of(DeadLetter.class, SampleRecords.deadLetter()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyRecordType")
  <T extends SpecificRecord> void shouldRoundTripEveryRecordTypeThroughSerializerAndDeserializer(
      Class<T> type, T record) {
    // given
    Map<String, Object> config = config(mockUrl());
    config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true);
    RegistryAvroSerializer<T> serializer = new RegistryAvroSerializer<>();
    serializer.configure(config, false);
    RegistryAvroDeserializer<Object> deserializer = new RegistryAvroDeserializer<>();
    deserializer.configure(config, false);

    // when
    byte[] bytes = serializer.serialize("topic-" + type.getSimpleName(), record);
    Object back = deserializer.deserialize("topic-" + type.getSimpleName(), bytes);

    // then
    assertThat(bytes[0]).isEqualTo((byte) 0);
    assertThat(back).isInstanceOf(type).isEqualTo(record);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyRecordType")
  <T extends SpecificRecord> void shouldRoundTripEveryRecordTypeThroughSpecificAvroSerde(Class<T> type, T record) {
    // given
    try (SpecificAvroSerde<T> serde = SpecificAvroSerde.forValues(type, config(mockUrl()))) {
      // when
      byte[] bytes = serde.serializer().serialize(TOPIC, record);
      T back = serde.deserializer().deserialize(TOPIC, bytes);

      // then
      assertThat(back).isInstanceOf(type).isEqualTo(record);
    }
  }

  @Test
  void shouldNotConsumeTheRecordsByteBuffersWhenSerializing() {
    // given
    DeadLetter record = SampleRecords.deadLetter();
    try (SpecificAvroSerde<DeadLetter> serde = SpecificAvroSerde.forValues(DeadLetter.class, config(mockUrl()))) {
      // when
      byte[] first = serde.serializer().serialize("articles.dlq", record);
      byte[] second = serde.serializer().serialize("articles.dlq", record);

      // then
      assertThat(second).isEqualTo(first);
      assertThat(serde.deserializer().deserialize("articles.dlq", second).getValue())
          .isEqualTo(ByteBuffer.wrap(new byte[] {0x7f, 0x00, (byte) 0xff, 0x01}));
    }
  }

  @Test
  void shouldWriteMagicByteThenBigEndianIdThenPlainAvroBinary() throws IOException {
    // given a registry that always answers id 0x01020304, so byte order shows
    ArticleSubmitted article = SampleRecords.articleSubmitted();
    RegistryAvroSerializer<ArticleSubmitted> serializer = new RegistryAvroSerializer<>(new FixedIdRegistry(0x01020304));
    serializer.configure(config(mockUrl()), false);

    // when
    byte[] bytes = serializer.serialize(TOPIC, article);

    // then the header is literal and the body is what Avro's own encoder writes for the same data
    assertThat(Arrays.copyOfRange(bytes, 0, 5)).containsExactly(0x00, 0x01, 0x02, 0x03, 0x04);
    assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(genericAvroBinary(article));
  }

  @Test
  void shouldWriteExactlyTheGoldenBytesForAMinimalArticle() {
    // given
    ArticleSubmitted article =
        ArticleSubmitted.newBuilder()
            .setEventId("e1")
            .setUrl("u")
            .setTitle("t")
            .setBody("b")
            .setLanguage("en")
            .setSubmittedBy("c")
            .setReceivedAt(Instant.ofEpochMilli(1))
            .build();
    RegistryAvroSerializer<ArticleSubmitted> serializer = new RegistryAvroSerializer<>(new FixedIdRegistry(1000));
    serializer.configure(config(mockUrl()), false);

    // when
    byte[] bytes = serializer.serialize(TOPIC, article);

    // then: strings are zig-zag length + UTF-8, unions the zig-zag branch index, an empty map a 0 block
    assertThat(bytes)
        .containsExactly(
            0x00, 0x00, 0x00, 0x03, 0xE8, // magic, id 1000
            0x04, 'e', '1', // eventId
            0x02, 'u', // url
            0x02, 't', // title
            0x02, 'b', // body
            0x00, // author: null branch
            0x00, // publishedAt: null branch
            0x00, // sourceName: null branch
            0x02, 0x04, 'e', 'n', // language: string branch, "en"
            0x02, 'c', // submittedBy
            0x02, // receivedAt: 1 ms
            0x00); // attributes: empty map
  }

  @Test
  void shouldReadGenericRecordsUnlessSpecificReaderIsSet() {
    // given
    String url = mockUrl();
    RegistryAvroSerializer<ArticleSubmitted> serializer = new RegistryAvroSerializer<>();
    serializer.configure(config(url), false);
    byte[] bytes = serializer.serialize(TOPIC, SampleRecords.articleSubmitted());
    RegistryAvroDeserializer<Object> generic = new RegistryAvroDeserializer<>();
    generic.configure(config(url), false);
    Map<String, Object> specificConfig = config(url);
    specificConfig.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, "true");
    RegistryAvroDeserializer<Object> specific = new RegistryAvroDeserializer<>();
    specific.configure(specificConfig, false);

    // when
    Object genericValue = generic.deserialize(TOPIC, bytes);
    Object specificValue = specific.deserialize(TOPIC, bytes);

    // then
    assertThat(genericValue).isInstanceOf(GenericData.Record.class).isNotInstanceOf(ArticleSubmitted.class);
    GenericRecord record = (GenericRecord) genericValue;
    assertThat(record.getSchema()).isEqualTo(ArticleSubmitted.getClassSchema());
    assertThat(record.get("title").toString()).isEqualTo(SampleRecords.articleSubmitted().getTitle());
    assertThat(specificValue).isInstanceOf(ArticleSubmitted.class).isEqualTo(SampleRecords.articleSubmitted());
  }

  @Test
  void shouldWriteWithTheLatestRegisteredIdAndRegisterNothingWhenUseLatestVersionIsSet() {
    // given a subject whose latest version is the current schema
    String url = mockUrl();
    InMemorySchemaRegistryClient registry = InMemorySchemaRegistryClient.forScope(url.substring("mock://".length()));
    registry.register("unrelated-value", EnrichedArticle.getClassSchema());
    int latestId = registry.register(TOPIC + "-value", ArticleSubmitted.getClassSchema());
    Map<String, Object> config = config(url);
    config.put(AvroSerdeConfig.USE_LATEST_VERSION_CONFIG, true);
    config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS_CONFIG, false);
    RegistryAvroSerializer<ArticleSubmitted> serializer = new RegistryAvroSerializer<>();
    serializer.configure(config, false);

    // when
    byte[] bytes = serializer.serialize(TOPIC, SampleRecords.articleSubmitted());

    // then
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(latestId);
    assertThat(registry.latest(TOPIC + "-value").version()).isEqualTo(1);
    try (SpecificAvroSerde<ArticleSubmitted> serde = SpecificAvroSerde.forValues(ArticleSubmitted.class, config(url))) {
      assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(SampleRecords.articleSubmitted());
    }
  }

  @Test
  void shouldFailClearlyWhenUseLatestVersionFindsNoSubject() {
    // given
    Map<String, Object> config = config(mockUrl());
    config.put(AvroSerdeConfig.USE_LATEST_VERSION_CONFIG, true);
    config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS_CONFIG, false);
    RegistryAvroSerializer<ArticleSubmitted> serializer = new RegistryAvroSerializer<>();
    serializer.configure(config, false);

    // when / then
    assertThatThrownBy(() -> serializer.serialize(TOPIC, SampleRecords.articleSubmitted()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("articles.raw-value")
        .hasMessageContaining("not found");
  }

  @Test
  void shouldRefuseToSerializeAnUnregisteredSchemaWhenAutoRegisterIsOff() {
    // given
    String url = mockUrl();
    Map<String, Object> config = config(url);
    config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS_CONFIG, "false");
    RegistryAvroSerializer<ArticleSubmitted> serializer = new RegistryAvroSerializer<>();
    serializer.configure(config, false);

    // when / then
    assertThatThrownBy(() -> serializer.serialize(TOPIC, SampleRecords.articleSubmitted()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("io.newsstream.schemas.avro.ArticleSubmitted")
        .hasMessageContaining("articles.raw-value")
        .hasMessageContaining("auto.register.schemas=false");
    assertThatThrownBy(() -> InMemorySchemaRegistryClient.forScope(url.substring("mock://".length())).latest(TOPIC + "-value"))
        .isInstanceOf(SchemaRegistryException.class);
  }

  @Test
  void shouldUseAnAlreadyRegisteredSchemaWhenAutoRegisterIsOff() {
    // given
    String url = mockUrl();
    int id = InMemorySchemaRegistryClient.forScope(url.substring("mock://".length()))
        .register(TOPIC + "-value", ArticleSubmitted.getClassSchema());
    Map<String, Object> config = config(url);
    config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS_CONFIG, false);
    RegistryAvroSerializer<ArticleSubmitted> serializer = new RegistryAvroSerializer<>();
    serializer.configure(config, false);

    // when
    byte[] bytes = serializer.serialize(TOPIC, SampleRecords.articleSubmitted());

    // then
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
  }

  @Test
  void shouldRejectAWrongMagicByte() {
    // given
    String url = mockUrl();
    byte[] bytes = validBytes(url);
    bytes[0] = 0x01;

    // when / then
    assertThatThrownBy(() -> specificDeserializer(url).deserialize(TOPIC, bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown magic byte 0x01")
        .hasMessageContaining("'articles.raw'");
  }

  @Test
  void shouldRejectAnIdTheRegistryDoesNotKnow() {
    // given
    String url = mockUrl();
    byte[] bytes = validBytes(url);
    ByteBuffer.wrap(bytes).putInt(1, 424242);

    // when / then
    assertThatThrownBy(() -> specificDeserializer(url).deserialize(TOPIC, bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("schema id 424242 is unknown to the registry");
  }

  @Test
  void shouldRejectTrailingBytesAfterTheAvroValue() {
    // given
    String url = mockUrl();
    byte[] valid = validBytes(url);
    byte[] bytes = Arrays.copyOf(valid, valid.length + 2);

    // when / then
    assertThatThrownBy(() -> specificDeserializer(url).deserialize(TOPIC, bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("trailing bytes");
  }

  @Test
  void shouldRejectATruncatedValue() {
    // given
    String url = mockUrl();
    byte[] valid = validBytes(url);
    byte[] bytes = Arrays.copyOf(valid, valid.length - 10);

    // when / then
    assertThatThrownBy(() -> specificDeserializer(url).deserialize(TOPIC, bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Cannot decode Avro value with schema id")
        .hasMessageContaining("EOF");
  }

  @Test
  void shouldRejectAValueShorterThanTheHeader() {
    // given
    String url = mockUrl();
    byte[] bytes = {0x00, 0x00, 0x03};

    // when / then
    assertThatThrownBy(() -> specificDeserializer(url).deserialize(TOPIC, bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("3 bytes is shorter than the 5-byte schema registry header");
  }

  @Test
  void shouldReportAnUnreachableRegistryWithItsAddress() throws IOException {
    // given a port that was free a moment ago and has no listener now
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/apis/ccompat/v7";
    RestSchemaRegistryClient client = new RestSchemaRegistryClient(url, Duration.ofSeconds(2));
    RegistryAvroDeserializer<ArticleSubmitted> deserializer =
        new RegistryAvroDeserializer<>(client, ArticleSubmitted.getClassSchema());
    deserializer.configure(config(url), false);
    byte[] bytes = validBytes(mockUrl());

    // when / then
    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, bytes))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isUnavailable()).isTrue())
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Schema registry at " + url + " is unreachable")
        .hasMessageContaining("/schemas/ids/");
  }

  @Test
  void shouldReadAValueWrittenWithAnOlderSchemaIntoTheCurrentClass() {
    // given an older ArticleSubmitted without 'language' and 'attributes', written as a GenericRecord
    Schema older = withoutFields(ArticleSubmitted.getClassSchema(), "language", "attributes");
    GenericRecord old = new GenericData.Record(older);
    old.put("eventId", "e-old");
    old.put("url", "https://example.com/old");
    old.put("title", "Old");
    old.put("body", "Written before language and attributes existed.");
    old.put("submittedBy", "legacy-scraper");
    old.put("receivedAt", 1_700_000_000_000L);
    String url = mockUrl();
    RegistryAvroSerializer<GenericRecord> serializer = new RegistryAvroSerializer<>();
    serializer.configure(config(url), false);
    byte[] bytes = serializer.serialize(TOPIC, old);

    // when
    ArticleSubmitted read;
    try (SpecificAvroSerde<ArticleSubmitted> serde = SpecificAvroSerde.forValues(ArticleSubmitted.class, config(url))) {
      read = serde.deserializer().deserialize(TOPIC, bytes);
    }

    // then the missing fields take their defaults
    assertThat(read.getEventId()).isEqualTo("e-old");
    assertThat(read.getReceivedAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
    assertThat(read.getAuthor()).isNull();
    assertThat(read.getLanguage()).isNull();
    assertThat(read.getAttributes()).isEmpty();
  }

  @Test
  void shouldResolveAnOlderWriterSchemaIntoTheGeneratedClassWithSpecificReaderConfig() {
    // given an older ArticleSubmitted without 'language', so later fields sit at other positions
    Schema older = withoutFields(ArticleSubmitted.getClassSchema(), "language");
    GenericRecord old = toGeneric(SampleRecords.articleSubmitted(), older);
    String url = mockUrl();
    RegistryAvroSerializer<GenericRecord> serializer = new RegistryAvroSerializer<>();
    serializer.configure(config(url), false);
    byte[] bytes = serializer.serialize(TOPIC, old);
    Map<String, Object> readerConfig = config(url);
    readerConfig.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true);
    RegistryAvroDeserializer<Object> deserializer = new RegistryAvroDeserializer<>();
    deserializer.configure(readerConfig, false);

    // when
    Object read = deserializer.deserialize(TOPIC, bytes);

    // then every field lands by name, not by the writer's position
    ArticleSubmitted expected = ArticleSubmitted.newBuilder(SampleRecords.articleSubmitted()).setLanguage(null).build();
    assertThat(read).isInstanceOf(ArticleSubmitted.class).isEqualTo(expected);
  }

  @Test
  void shouldWriteAGeneratedRecordByFieldNameWhenTheLatestVersionDroppedAField() {
    // given the latest version of the subject dropped 'author' (a BACKWARD-compatible change)
    String url = mockUrl();
    Schema latest = withoutFields(ArticleSubmitted.getClassSchema(), "author");
    int latestId = InMemorySchemaRegistryClient.forScope(url.substring("mock://".length())).register(TOPIC + "-value", latest);
    Map<String, Object> config = config(url);
    config.put(AvroSerdeConfig.USE_LATEST_VERSION_CONFIG, true);
    config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS_CONFIG, false);
    RegistryAvroSerializer<ArticleSubmitted> serializer = new RegistryAvroSerializer<>();
    serializer.configure(config, false);

    // when
    byte[] bytes = serializer.serialize(TOPIC, SampleRecords.articleSubmitted());

    // then the value is written in the latest schema, each field by name
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(latestId);
    GenericRecord written = (GenericRecord) genericDeserializer(url).deserialize(TOPIC, bytes);
    assertThat(written.getSchema().getField("author")).isNull();
    assertThat(written.get("title").toString()).isEqualTo(SampleRecords.articleSubmitted().getTitle());
    assertThat(written.get("publishedAt")).isEqualTo(SampleRecords.articleSubmitted().getPublishedAt().toEpochMilli());
    assertThat(written.get("sourceName").toString()).isEqualTo("Moneycontrol");
    assertThat(written.get("submittedBy").toString()).isEqualTo("scraper-1");
  }

  @Test
  void shouldRefuseToWriteWithALatestVersionThatCannotHoldTheRecord() {
    // given the latest version requires a field the generated class does not have
    String url = mockUrl();
    Schema latest = withExtraField(ArticleSubmitted.getClassSchema(),
        new Schema.Field("mandatory", Schema.create(Schema.Type.STRING), "No default.", (Object) null));
    InMemorySchemaRegistryClient.forScope(url.substring("mock://".length())).register(TOPIC + "-value", latest);
    Map<String, Object> config = config(url);
    config.put(AvroSerdeConfig.USE_LATEST_VERSION_CONFIG, true);
    config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS_CONFIG, false);
    RegistryAvroSerializer<ArticleSubmitted> serializer = new RegistryAvroSerializer<>();
    serializer.configure(config, false);

    // when / then
    assertThatThrownBy(() -> serializer.serialize(TOPIC, SampleRecords.articleSubmitted()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("latest")
        .hasMessageContaining("mandatory");
  }

  @Test
  void shouldReadAValueWrittenWithANewerSchemaThatAddedAFieldWithDefault() {
    // given a copy of the schema with one more field, written as a GenericRecord
    Schema current = ArticleSubmitted.getClassSchema();
    Schema newer = withExtraField(current, new Schema.Field("priority", Schema.create(Schema.Type.INT), "Added later.", 0));
    GenericRecord record = toGeneric(SampleRecords.articleSubmitted(), newer);
    record.put("priority", 5);
    String url = mockUrl();
    RegistryAvroSerializer<GenericRecord> serializer = new RegistryAvroSerializer<>();
    serializer.configure(config(url), false);
    byte[] bytes = serializer.serialize(TOPIC, record);

    // when
    ArticleSubmitted read;
    try (SpecificAvroSerde<ArticleSubmitted> serde = SpecificAvroSerde.forValues(ArticleSubmitted.class, config(url))) {
      read = serde.deserializer().deserialize(TOPIC, bytes);
    }

    // then
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isNotEqualTo(idOfCurrentSchema(url));
    assertThat(read).isEqualTo(SampleRecords.articleSubmitted());
  }

  @Test
  void shouldPassNullsThroughAsTombstones() {
    // given
    try (SpecificAvroSerde<ArticleSubmitted> serde = SpecificAvroSerde.forValues(ArticleSubmitted.class, config(mockUrl()))) {
      // when / then
      assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
      assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    }
  }

  @Test
  void shouldRefuseToSerializeSomethingThatIsNotAnAvroRecord() {
    // given
    RegistryAvroSerializer<Object> serializer = new RegistryAvroSerializer<>();
    serializer.configure(config(mockUrl()), false);

    // when / then
    assertThatThrownBy(() -> serializer.serialize(TOPIC, "plain string"))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("java.lang.String");
  }

  private static int idOfCurrentSchema(String url) {
    return InMemorySchemaRegistryClient.forScope(url.substring("mock://".length()))
        .register("probe-value", ArticleSubmitted.getClassSchema());
  }

  private static RegistryAvroDeserializer<Object> genericDeserializer(String url) {
    RegistryAvroDeserializer<Object> deserializer = new RegistryAvroDeserializer<>();
    deserializer.configure(config(url), false);
    return deserializer;
  }

  /** A well-formed value, its schema registered in the registry behind {@code url}. */
  private static byte[] validBytes(String url) {
    RegistryAvroSerializer<ArticleSubmitted> serializer = new RegistryAvroSerializer<>();
    serializer.configure(config(url), false);
    return serializer.serialize(TOPIC, SampleRecords.articleSubmitted());
  }

  private static RegistryAvroDeserializer<ArticleSubmitted> specificDeserializer(String url) {
    RegistryAvroDeserializer<ArticleSubmitted> deserializer =
        new RegistryAvroDeserializer<>(null, ArticleSubmitted.getClassSchema());
    deserializer.configure(config(url), false);
    return deserializer;
  }

  private static byte[] genericAvroBinary(ArticleSubmitted article) throws IOException {
    Schema schema = ArticleSubmitted.getClassSchema();
    GenericRecord record = toGeneric(article, schema);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  /** The article's data as a GenericRecord of {@code schema} (fields it lacks are left out), timestamps as epoch millis. */
  private static GenericRecord toGeneric(ArticleSubmitted article, Schema schema) {
    Map<String, Object> values = new java.util.HashMap<>();
    values.put("eventId", article.getEventId());
    values.put("url", article.getUrl());
    values.put("title", article.getTitle());
    values.put("body", article.getBody());
    values.put("author", article.getAuthor());
    values.put("publishedAt", article.getPublishedAt() == null ? null : article.getPublishedAt().toEpochMilli());
    values.put("sourceName", article.getSourceName());
    values.put("language", article.getLanguage());
    values.put("submittedBy", article.getSubmittedBy());
    values.put("receivedAt", article.getReceivedAt().toEpochMilli());
    values.put("attributes", article.getAttributes());
    GenericRecord record = new GenericData.Record(schema);
    for (Schema.Field field : schema.getFields()) {
      if (values.containsKey(field.name())) {
        record.put(field.name(), values.get(field.name()));
      }
    }
    return record;
  }

  private static Schema withoutFields(Schema schema, String... names) {
    List<String> dropped = List.of(names);
    List<Schema.Field> fields =
        schema.getFields().stream().filter(f -> !dropped.contains(f.name())).map(RegistryAvroSerdeTest::copy).toList();
    return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }

  private static Schema withExtraField(Schema schema, Schema.Field extra) {
    List<Schema.Field> fields = new java.util.ArrayList<>(schema.getFields().stream().map(RegistryAvroSerdeTest::copy).toList());
    fields.add(extra);
    return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }

  private static Schema.Field copy(Schema.Field field) {
    return new Schema.Field(field, field.schema());
  }

  /** Answers one id for every schema and knows every id as the article schema. */
  private record FixedIdRegistry(int id) implements SchemaRegistryClient {
    @Override
    public int register(String subject, Schema schema) {
      return id;
    }

    @Override
    public int idOf(String subject, Schema schema) {
      return id;
    }

    @Override
    public Schema schemaById(int ignored) {
      return ArticleSubmitted.getClassSchema();
    }

    @Override
    public RegisteredSchema latest(String subject) {
      return new RegisteredSchema(subject, 1, id, ArticleSubmitted.getClassSchema());
    }

    @Override
    public void setCompatibility(String subject, String level) {}
  }
}
