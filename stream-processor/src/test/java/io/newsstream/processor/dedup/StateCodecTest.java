package io.newsstream.processor.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link StateOutput} and {@link StateInput} keep the bytes {@link DataOutputStream} wrote. */
class StateCodecTest {

  private static final String[] TEXTS = {
    "", "plain ascii", "caf\u00e9 \u00fcber", "\u0000nul", "\u20ac 5", "emoji \ud83d\ude00 pair", "\u7f8e\u56fd", "\u0085"
  };

  @Test
  void shouldWriteTheBytesDataOutputStreamWrites() throws IOException {
    // given
    Random random = new Random(7);
    ByteArrayOutputStream expectedBytes = new ByteArrayOutputStream();
    DataOutputStream expected = new DataOutputStream(expectedBytes);
    StateOutput actual = new StateOutput(1);

    // when
    for (int i = 0; i < 200; i++) {
      long l = random.nextLong();
      int n = random.nextInt();
      String s = TEXTS[i % TEXTS.length] + i;
      expected.writeLong(l);
      actual.writeLong(l);
      expected.writeInt(n);
      actual.writeInt(n);
      expected.writeShort(n);
      actual.writeShort(n);
      expected.writeByte(n);
      actual.writeByte(n);
      expected.writeBoolean(n % 2 == 0);
      actual.writeBoolean(n % 2 == 0);
      expected.writeUTF(s);
      actual.writeUTF(s);
    }
    expected.flush();

    // then
    assertThat(actual.toByteArray()).isEqualTo(expectedBytes.toByteArray());
  }

  @Test
  void shouldReadBackWhatWasWritten() throws IOException {
    // given
    StateOutput out = new StateOutput(4);
    for (String text : TEXTS) {
      out.writeUTF(text);
      out.writeLong(Long.MIN_VALUE + text.length());
      out.writeShort(-2);
      out.writeShort(65_000);
      out.writeInt(-1);
      out.writeByte(200);
    }

    // when
    StateInput in = new StateInput(out.toByteArray());

    // then
    for (String text : TEXTS) {
      assertThat(in.readUTF()).isEqualTo(text);
      assertThat(in.readLong()).isEqualTo(Long.MIN_VALUE + text.length());
      assertThat(in.readShort()).isEqualTo((short) -2);
      assertThat(in.readUnsignedShort()).isEqualTo(65_000);
      assertThat(in.readInt()).isEqualTo(-1);
      assertThat(in.readUnsignedByte()).isEqualTo(200);
    }
    assertThatThrownBy(in::readByte).isInstanceOf(EOFException.class);
  }

  @Test
  void shouldRefuseTruncatedInput() throws IOException {
    // given
    StateOutput out = new StateOutput(16);
    out.writeUTF("twelve chars");
    byte[] bytes = out.toByteArray();
    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 1);

    // when / then
    assertThatThrownBy(() -> new StateInput(truncated).readUTF()).isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> new StateInput(new byte[] {0, 0, 0}).readInt()).isInstanceOf(EOFException.class);
  }

  @Test
  void shouldRefuseAStringLongerThanTheFormatHolds() {
    // given
    StateOutput out = new StateOutput(16);

    // when / then
    assertThatThrownBy(() -> out.writeUTF("\u20ac".repeat(30_000))).isInstanceOf(UTFDataFormatException.class);
  }
}
