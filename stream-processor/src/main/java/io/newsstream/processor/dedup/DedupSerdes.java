package io.newsstream.processor.dedup;

import io.newsstream.processor.dedup.DedupState.NearCheck;
import io.newsstream.processor.dedup.DedupState.NearEntry;
import io.newsstream.processor.dedup.DedupState.Revision;
import io.newsstream.processor.dedup.DedupState.UrlHistory;
import io.newsstream.processor.stage.AvroBinarySerde;
import io.newsstream.schemas.avro.EnrichedArticle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Compact binary serdes of the dedup state (stores and internal topics). Each value starts with a
 * format version byte so a later release can read what an earlier one wrote: 1, then 2 (the
 * near-duplicate values gained a sketch; the other formats are unchanged), then 3 (a URL history's
 * revisions gained a {@link WordProfile}; only URL histories are written as 3).
 */
public final class DedupSerdes {

  private static final byte V1 = 1;
  /** Current format: text entries and probes carry the publication time and a {@link ContainmentSketch}, verdicts a SAME_CONTENT flag. */
  private static final byte V2 = 2;
  /** URL histories whose revisions may carry a {@link WordProfile}. */
  private static final byte V3 = 3;
  /** Probe flag: the containment keys are probed. */
  private static final int PROBE_CONTAINMENT = 1;
  /** Probe flag: indexed under its near keys but not compared there (a correction). */
  private static final int PROBE_INDEX_ONLY = 2;
  /** Verdict flag: the match has the same content (or event). */
  private static final int MATCH_EXACT = 1;
  /** Verdict flag: the match has the same eventId. */
  private static final int MATCH_SAME_EVENT = 2;
  /** Verdict flag: the same-content match had no decision yet where it was found. */
  private static final int MATCH_UNDECIDED = 4;
  private static final AvroBinarySerde<EnrichedArticle> ARTICLE = new AvroBinarySerde<>(EnrichedArticle.getClassSchema());

  private DedupSerdes() {}

  /** Internal-topic serde of articles between stages. */
  public static AvroBinarySerde<EnrichedArticle> article() {
    return ARTICLE;
  }

  public static Serde<UrlHistory> urlHistory() {
    return serde(
        V3,
        (out, h) -> {
          out.writeShort(h.revisions().size());
          for (Revision r : h.revisions()) {
            out.writeInt(r.revision());
            out.writeUTF(r.contentHash());
            out.writeLong(r.simhash());
            out.writeUTF(r.eventId());
            out.writeBoolean(r.words() != null);
            if (r.words() != null) {
              out.write(r.words().bytes());
            }
          }
        },
        (in, version) -> {
          int n = in.readShort();
          List<Revision> list = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            int revision = in.readInt();
            String contentHash = in.readUTF();
            long simhash = in.readLong();
            String eventId = in.readUTF();
            WordProfile words = null;
            if (version >= V3 && in.readBoolean()) {
              byte[] bytes = new byte[WordProfile.SIZE];
              in.readFully(bytes);
              words = WordProfile.fromBytes(bytes);
            }
            list.add(new Revision(revision, contentHash, simhash, eventId, words));
          }
          return new UrlHistory(list);
        });
  }

  /** A probe's sketch, kept once per article and text-key partition ({@link TextKeyProcessor#SKETCH_STORE}). */
  public static Serde<ContainmentSketch> sketch() {
    return serde(DedupSerdes::writeSketch, DedupSerdes::readSketch);
  }

  public static Serde<NearEntry> nearEntry() {
    return serde(
        (out, e) -> {
          out.writeUTF(e.articleId());
          out.writeUTF(e.eventId());
          out.writeLong(e.simhash());
          out.writeLong(e.publishedAt());
          writeSketch(out, e.sketch());
        },
        (in, version) ->
            new NearEntry(
                in.readUTF(),
                in.readUTF(),
                in.readLong(),
                version >= V2 ? in.readLong() : DedupState.UNKNOWN_TIME,
                readSketch(in, version)));
  }

  public static Serde<NearCheck> nearCheck() {
    return serde(
        (out, c) -> {
          out.writeLong(c.expected());
          out.writeLong(c.seen());
          out.writeUTF(c.articleId());
          out.writeUTF(c.eventId());
          // Where an earlier topology carried the article itself; it is in a store of its own now.
          out.writeInt(-1);
          writeNullable(out, c.matchArticleId());
          writeNullable(out, c.matchEventId());
          out.writeInt(c.matchDistance());
          out.writeLong(c.matchTime());
          // Flags in the byte that held only "exact" (1), so earlier verdicts read the same.
          out.writeByte((c.exact() ? MATCH_EXACT : 0) | (c.sameEvent() ? MATCH_SAME_EVENT : 0) | (c.undecided() ? MATCH_UNDECIDED : 0));
        },
        (in, version) -> {
          if (version < V2) {
            // Format 1 belonged to the per-block topology, whose topics no longer exist.
            throw new IOException("format 1 near-duplicate verdicts are not read by this topology; reset the application");
          }
          long expected = in.readLong();
          long seen = in.readLong();
          String articleId = in.readUTF();
          String eventId = in.readUTF();
          int length = in.readInt();
          if (length > 0) {
            in.skipNBytes(length);
          }
          String matchArticleId = readNullable(in);
          String matchEventId = readNullable(in);
          int matchDistance = in.readInt();
          long matchTime = in.readLong();
          int match = in.readUnsignedByte();
          return new NearCheck(
              expected, seen, articleId, eventId, matchArticleId, matchEventId, matchDistance, matchTime,
              (match & MATCH_EXACT) != 0, (match & MATCH_SAME_EVENT) != 0, (match & MATCH_UNDECIDED) != 0);
        });
  }

  private static final Writer<TextProbe> PROBE_WRITER =
      (out, p) -> {
        out.writeUTF(p.articleId());
        out.writeUTF(p.eventId());
        out.writeLong(p.simhash());
        out.writeLong(p.publishedAt());
        out.writeUTF(p.contentHash());
        out.writeByte(p.blockCount());
        // Flags in the byte that held only "containment" (1), so earlier probes read the same.
        out.writeByte((p.containment() ? PROBE_CONTAINMENT : 0) | (p.nearCheck() ? 0 : PROBE_INDEX_ONLY));
        writeSketch(out, p.sketch());
        out.writeShort(p.home());
      };

  private static final Reader<TextProbe> PROBE_READER =
      (in, version) -> {
        String articleId = in.readUTF();
        String eventId = in.readUTF();
        long simhash = in.readLong();
        long publishedAt = in.readLong();
        String contentHash = in.readUTF();
        int blockCount = in.readByte();
        int flags = in.readUnsignedByte();
        ContainmentSketch sketch = readSketch(in, version);
        int home = in.readUnsignedShort();
        return new TextProbe(
            articleId, eventId, simhash, publishedAt, contentHash, blockCount, sketch,
            (flags & PROBE_CONTAINMENT) != 0, (flags & PROBE_INDEX_ONLY) == 0, home);
      };

  public static Serde<TextProbe> textProbe() {
    return serde(PROBE_WRITER, PROBE_READER);
  }

  /** A probe held by the text-key step: when it arrived (wall clock), where, its timestamp. */
  public static Serde<TextKeyProcessor.Held> heldProbe() {
    return serde(
        (out, h) -> {
          out.writeLong(h.arrivedAt());
          out.writeShort(h.partition());
          out.writeLong(h.timestamp());
          // The probe as the probe serde writes it (its own version byte first), after its length.
          int lengthAt = out.size();
          out.writeInt(0);
          out.writeByte(V2);
          PROBE_WRITER.write(out, h.probe());
          out.setInt(lengthAt, out.size() - lengthAt - 4);
        },
        (in, version) -> {
          long arrivedAt = in.readLong();
          int partition = in.readUnsignedShort();
          long timestamp = in.readLong();
          int length = in.readInt();
          int end = in.position() + length;
          TextProbe probe = PROBE_READER.read(in, checkedVersion(in.readByte(), "held probe"));
          in.seek(end);
          return new TextKeyProcessor.Held(arrivedAt, partition, timestamp, probe);
        });
  }

  /** Format 2 added the sketch; format 1 values read as having none. */
  private static void writeSketch(StateOutput out, ContainmentSketch sketch) throws IOException {
    out.writeInt(sketch.shingles());
    out.writeByte(sketch.bottom().length);
    for (int v : sketch.bottom()) {
      out.writeInt(v);
    }
    out.writeByte(sketch.numbers().length);
    for (int v : sketch.numbers()) {
      out.writeInt(v);
    }
  }

  private static ContainmentSketch readSketch(StateInput in, byte version) throws IOException {
    if (version < V2) {
      return ContainmentSketch.EMPTY;
    }
    int shingles = in.readInt();
    int[] bottom = new int[in.readUnsignedByte()];
    for (int i = 0; i < bottom.length; i++) {
      bottom[i] = in.readInt();
    }
    int[] numbers = new int[in.readUnsignedByte()];
    for (int i = 0; i < numbers.length; i++) {
      numbers[i] = in.readInt();
    }
    return new ContainmentSketch(shingles, bottom, numbers);
  }

  private static void writeNullable(StateOutput out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeUTF(value);
    }
  }

  private static String readNullable(StateInput in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  private interface Writer<T> {
    void write(StateOutput out, T value) throws IOException;
  }

  private interface Reader<T> {
    T read(StateInput in, byte version) throws IOException;
  }

  private static byte checkedVersion(byte version, String what) throws IOException {
    if (version < V1 || version > V3) {
      throw new IOException("unknown dedup state format version " + version + " of a " + what);
    }
    return version;
  }

  private static <T> Serde<T> serde(Writer<T> writer, Reader<T> reader) {
    return serde(V2, writer, reader);
  }

  private static <T> Serde<T> serde(byte version, Writer<T> writer, Reader<T> reader) {
    return Serdes.serdeFrom(
        (topic, value) -> {
          if (value == null) {
            return null;
          }
          try {
            StateOutput out = new StateOutput(256);
            out.writeByte(version);
            writer.write(out, value);
            return out.toByteArray();
          } catch (IOException e) {
            throw new SerializationException("Cannot write dedup state for " + topic + ": " + e, e);
          }
        },
        (topic, data) -> {
          if (data == null) {
            return null;
          }
          StateInput in = new StateInput(data);
          try {
            return reader.read(in, checkedVersion(in.readByte(), "value"));
          } catch (IOException e) {
            throw new SerializationException("Cannot read dedup state from " + topic + ": " + e, e);
          }
        });
  }
}
