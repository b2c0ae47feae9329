package io.github.klingjava.validation;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.github.klingjava.generated.model.AspectRatio;
import io.github.klingjava.generated.model.ImageGenerationRequest;
import io.github.klingjava.generated.model.ImageModel;
import io.github.klingjava.json.KlingMoshi;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Micro figures of the validation engine (in the validation package to reach its internals): the
 * compiled plan over the bytes sent, against the interpreter over a tree read from them (the old
 * path, minus its second serialisation); the image scan against the pattern's regex on 1 MB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ValidationMicro {
  private final SchemaValidator schemas = SchemaValidator.embedded();
  private final JsonAdapter<ImageGenerationRequest> adapter = KlingMoshi.create().adapter(ImageGenerationRequest.class);
  private final ImageGenerationRequest request = new ImageGenerationRequest()
      .modelName(ImageModel.KLING_V2_1).prompt("a red fox in fresh snow, morning light")
      .negativePrompt("blur").n(2).aspectRatio(AspectRatio.RATIO_16_9).externalTaskId("order-1045");
  private final Buffer json = serialised();
  private final String base64 = base64(1 << 20);
  private final Pattern regex = Pattern.compile(SchemaValidator.javaRegex(CompiledPlan.IMAGE_INPUT_PATTERN));

  private Buffer serialised() {
    try {
      Buffer b = new Buffer();
      adapter.toJson(JsonWriter.of(b), request);
      return b;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64(int bytes) {
    byte[] raw = new byte[bytes];
    new Random(3).nextBytes(raw);
    return java.util.Base64.getEncoder().encodeToString(raw);
  }

  @Benchmark
  public Object serialiseOnce() throws IOException {
    Buffer b = new Buffer();
    adapter.toJson(JsonWriter.of(b), request);
    return b;
  }

  @Benchmark
  public boolean compiledPlan() {
    return schemas.accepts(RequestValidator.IMAGE_GENERATION, "cometapi", JsonReader.of(json.peek()));
  }

  @Benchmark
  public Object interpreterOverTree() throws IOException {
    Object tree = RequestValidator.read(JsonReader.of(json.peek()));
    return schemas.validate(RequestValidator.IMAGE_GENERATION, tree, "cometapi");
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public boolean imageScan1MB() {
    return ImageScan.matches(base64);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public boolean imageRegex1MB() {
    return regex.matcher(base64).find();
  }
}
