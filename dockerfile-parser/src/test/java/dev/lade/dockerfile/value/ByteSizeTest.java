package dev.lade.dockerfile.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docker/go-units {@code TestRAMInBytes} and Docker's documented sizes. */
class ByteSizeTest {
  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(quoteCharacter = '`', value = {
      "32, 32", "32b, 32", "32B, 32", "32k, 32768", "32K, 32768", "32kb, 32768", "32Kb, 32768", "32Kib, 32768",
      "32KIB, 32768", "32Mb, 33554432", "32Gb, 34359738368", "32Tb, 35184372088832", "32Pb, 36028797018963968",
      "32PB, 36028797018963968", "32P, 36028797018963968", "32.3, 32", "`32.3 mb`, 33869004", "0.3MB, 314572",
      "64m, 67108864", "1g, 1073741824", "1024, 1024", "512k, 524288", "1.5GB, 1610612736", "2e3, 2000", ".5k, 512",
  })
  void parsesLikeRamInBytes(String text, long bytes) {
    assertEquals(bytes, ByteSize.parse(text).bytes());
  }

  @ParameterizedTest(name = "`{0}` -> {1}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
      "`` => invalid size: ''",
      "hello => invalid size: 'hello'",
      "-32 => invalid size: '-32'",
      "` 32 ` => strconv.ParseFloat: parsing \" 32\": invalid syntax",
      "`32m b` => strconv.ParseFloat: parsing \"32m\": invalid syntax",
      "32bm => invalid suffix: 'bm'",
      "32.3Kibb => invalid suffix: 'Kibb'",
      "32x => invalid suffix: 'x'",
      "32KB2 => strconv.ParseFloat: parsing \"32KB2\": invalid syntax",
      "32Mx => invalid suffix: 'mx'",
      "1e400 => strconv.ParseFloat: parsing \"1e400\": value out of range",
      "9000000p => invalid size: '9000000p'",
  })
  void rejectsLikeRamInBytes(String text, String message) {
    assertEquals(message, assertThrows(InvalidValueException.class, () -> ByteSize.parse(text)).getMessage());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"67108864, 64m", "1610612736, 1536m", "1000, 1000", "0, 0", "1073741824, 1g"})
  void printsExactlyWithTheLargestWholeSuffix(long bytes, String text) {
    assertEquals(text, new ByteSize(bytes).toString());
    assertEquals(bytes, ByteSize.parse(text).bytes());
  }
}
