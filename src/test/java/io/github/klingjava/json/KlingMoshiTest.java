package io.github.klingjava.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.github.klingjava.golden.model.AspectRatio;
import io.github.klingjava.golden.model.CreateVideoTaskRequest;
import io.github.klingjava.golden.model.CreateVideoTaskRequest.DurationEnum;
import io.github.klingjava.golden.model.CreateVideoTaskRequest.ModeEnum;
import io.github.klingjava.golden.model.ModelName;
import io.github.klingjava.golden.model.SubjectImage;
import io.github.klingjava.golden.model.TaskData.TaskStatusEnum;
import io.github.klingjava.golden.model.TaskResponse;
import io.github.klingjava.golden.model.Video;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Wire fidelity of the generated models (the golden mini spec's classes, generated with the same
 * templates as the client) through {@link KlingMoshi}. Each test pins one Moshi behaviour the
 * client relies on, so a Moshi upgrade or template change that alters it fails here.
 */
final class KlingMoshiTest {

  private final Moshi moshi = KlingMoshi.create();
  private final JsonAdapter<CreateVideoTaskRequest> requests =
      moshi.adapter(CreateVideoTaskRequest.class);
  private final JsonAdapter<TaskResponse> responses = moshi.adapter(TaskResponse.class);

  @Test
  void writesSnakeCaseNamesEnumWireValuesAndOmitsNulls() {
    CreateVideoTaskRequest request = new CreateVideoTaskRequest()
        .modelName(ModelName.KLING_V2_1_MASTER)
        .prompt("a cat")
        .negativePrompt(null)
        .aspectRatio(AspectRatio.RATIO_16_9)
        .mode(ModeEnum.PRO)
        .duration(DurationEnum._10)
        .cfgScale(new BigDecimal("0.50"))
        .seed(9_007_199_254_740_993L) // above 2^53: must not pass through a double
        .callbackUrl(URI.create("https://example.test/hook?a=1"))
        .addSubjectImageListItem(new SubjectImage().image("https://example.test/a.png"));

    // Moshi writes fields in name order; negative_prompt, image and image_tail are null: absent.
    assertEquals("{\"aspect_ratio\":\"16:9\",\"callback_url\":\"https://example.test/hook?a=1\","
            + "\"cfg_scale\":0.50,\"duration\":\"10\",\"mode\":\"pro\","
            + "\"model_name\":\"kling-v2-1-master\",\"prompt\":\"a cat\","
            + "\"seed\":9007199254740993,"
            + "\"subject_image_list\":[{\"image\":\"https://example.test/a.png\"}]}",
        requests.toJson(request));
  }

  @Test
  void roundTripsARequest() throws IOException {
    CreateVideoTaskRequest request = new CreateVideoTaskRequest()
        .prompt("p")
        .aspectRatio(AspectRatio.RATIO_9_16)
        .seed(Long.MAX_VALUE)
        .cfgScale(new BigDecimal("1E-7"));
    assertEquals(request, requests.fromJson(requests.toJson(request)));
  }

  @Test
  void emptyModelIsAnEmptyObject() {
    assertEquals("{}", requests.toJson(new CreateVideoTaskRequest()));
  }

  @Test
  void readsAResponseWithNumbersWhereStringsAreDeclaredAndTheReverse() throws IOException {
    TaskResponse response = responses.fromJson("{\"code\":\"0\",\"message\":\"SUCCEED\","
        + "\"request_id\":\"r-1\",\"data\":{\"task_id\":\"t-1\",\"task_status\":\"succeed\","
        + "\"task_status_msg\":null,\"created_at\":\"1722769557708\","
        + "\"videos\":[{\"id\":\"v-1\",\"url\":\"https://example.test/v.mp4\",\"duration\":5.1},"
        + "{\"id\":\"v-2\",\"duration\":5}]}}");

    assertEquals(0, response.getCode()); // nextInt() accepted a quoted number
    assertEquals(1_722_769_557_708L, response.getData().getCreatedAt()); // so did nextLong()
    assertSame(TaskStatusEnum.SUCCEED, response.getData().getTaskStatus());
    assertNull(response.getData().getTaskStatusMsg());
    List<Video> videos = response.getData().getVideos();
    assertEquals("5.1", videos.get(0).getDuration()); // nextString() accepted a number
    assertEquals("5", videos.get(1).getDuration());
  }

  @Test
  void readsANumberIntoAnEnumDeclaredAsStrings() throws IOException {
    assertSame(DurationEnum._5, requests.fromJson("{\"duration\":5}").getDuration());
  }

  @Test
  void int64FieldsAreLongsAndRejectFractions() {
    assertThrows(JsonDataException.class,
        () -> responses.fromJson("{\"data\":{\"created_at\":1.5}}"));
    assertThrows(JsonDataException.class,
        () -> responses.fromJson("{\"code\":\"soon\"}"));
  }

  @Test
  void skipsUnknownFieldsByDefault() throws IOException {
    TaskResponse response = responses.fromJson("{\"code\":0,\"brand_new\":{\"x\":[1,2]},"
        + "\"data\":{\"task_id\":\"t\",\"also_new\":true}}");
    assertEquals("t", response.getData().getTaskId());
  }

  @Test
  void strictAdapterFailsOnAnUnknownFieldAtAnyDepth() throws IOException {
    JsonAdapter<TaskResponse> strict = KlingMoshi.strict(TaskResponse.class);
    assertEquals("t", strict.fromJson("{\"code\":0,\"data\":{\"task_id\":\"t\"}}")
        .getData().getTaskId());

    JsonDataException top = assertThrows(JsonDataException.class,
        () -> strict.fromJson("{\"code\":0,\"brand_new\":1}"));
    assertTrue(top.getMessage().contains("brand_new"), top.getMessage());
    JsonDataException nested = assertThrows(JsonDataException.class,
        () -> strict.fromJson("{\"data\":{\"task_id\":\"t\",\"also_new\":true}}"));
    assertTrue(nested.getMessage().contains("$.data.also_new"), nested.getMessage());
  }

  @Test
  void strictAdapterForAParameterizedType() throws IOException {
    JsonAdapter<List<Video>> strict =
        KlingMoshi.strict(Types.newParameterizedType(List.class, Video.class));
    assertEquals("v", strict.fromJson("[{\"id\":\"v\"}]").get(0).getId());
    assertThrows(JsonDataException.class, () -> strict.fromJson("[{\"id\":\"v\",\"new\":1}]"));
  }

  @Test
  void keepsAnUnknownEnumValueReadableAndWritesItBack() throws IOException {
    TaskResponse response = responses.fromJson("{\"data\":{\"task_status\":\"queued\"}}");
    TaskStatusEnum status = response.getData().getTaskStatus();
    assertEquals("queued", status.value());
    assertEquals("queued", status.toString());
    assertFalse(status.isKnown());
    assertFalse(TaskStatusEnum.knownValues().contains(status));
    assertEquals(TaskStatusEnum.of("queued"), status);
    assertEquals("{\"data\":{\"task_status\":\"queued\"}}", responses.toJson(response));
  }

  @Test
  void sendsAModelNameNewerThanTheSpec() {
    ModelName newer = ModelName.of("kling-v9-turbo");
    assertFalse(newer.isKnown());
    assertEquals("{\"model_name\":\"kling-v9-turbo\"}",
        requests.toJson(new CreateVideoTaskRequest().modelName(newer)));
  }

  @Test
  void knownValuesAreTheSpecConstantsInOrder() {
    assertSame(AspectRatio.RATIO_1_1, AspectRatio.of("1:1"));
    assertTrue(AspectRatio.RATIO_1_1.isKnown());
    assertEquals(List.of(AspectRatio.RATIO_16_9, AspectRatio.RATIO_9_16, AspectRatio.RATIO_1_1),
        AspectRatio.knownValues());
    assertEquals(List.of("kling-v1", "kling-v2-1-master"),
        ModelName.knownValues().stream().map(ModelName::value).toList());
  }

  @Test
  void aJsonNullEnumIsNullNotAnUnknownValue() throws IOException {
    assertNull(responses.fromJson("{\"data\":{\"task_status\":null}}").getData().getTaskStatus());
  }

  @Test
  void anEnumMustBeAStringOrANumber() {
    assertThrows(JsonDataException.class,
        () -> responses.fromJson("{\"data\":{\"task_status\":true}}"));
  }

  @Test
  void jsonSyntaxStaysStrict() {
    assertThrows(JsonEncodingException.class, () -> responses.fromJson("{'code':0}"));
    assertThrows(JsonEncodingException.class, () -> responses.fromJson("{\"code\":0} {}"));
  }

  @Test
  void platformTypesTheGeneratorEmitsHaveAdapters() throws IOException {
    OffsetDateTime time = OffsetDateTime.of(2024, 8, 4, 10, 0, 0, 0, ZoneOffset.UTC);
    JsonAdapter<OffsetDateTime> times = moshi.adapter(OffsetDateTime.class);
    assertEquals("\"2024-08-04T10:00:00Z\"", times.toJson(time)); // seconds kept (RFC 3339)
    assertEquals(time, times.fromJson("\"2024-08-04T10:00:00Z\""));
    assertEquals(LocalDate.of(2024, 8, 4),
        moshi.adapter(LocalDate.class).fromJson("\"2024-08-04\""));
    UUID id = UUID.randomUUID();
    assertEquals(id, moshi.adapter(UUID.class).fromJson("\"" + id + "\""));
    assertEquals(new BigDecimal("0.1"), moshi.adapter(BigDecimal.class).fromJson("\"0.1\""));
    assertThrows(JsonDataException.class,
        () -> moshi.adapter(BigDecimal.class).fromJson("\"a lot\""));
    JsonDataException e = assertThrows(JsonDataException.class,
        () -> moshi.adapter(Types.newParameterizedType(List.class, OffsetDateTime.class))
            .fromJson("[\"2024-08-04T10:00:00Z\", \"yesterday\"]"));
    assertTrue(e.getMessage().contains("'yesterday' at $[1]"), e.getMessage());
  }

  @Test
  void rejectsAWireEnumWithoutStaticOf() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> moshi.adapter(NoOf.class));
    assertTrue(e.getMessage().contains("of(String)"), e.getMessage());
  }

  @Test
  void aFailingOfIsReportedAsBadDataWithItsPath() {
    JsonDataException e = assertThrows(JsonDataException.class,
        () -> moshi.adapter(Types.newParameterizedType(List.class, Refusing.class))
            .fromJson("[\"ok\", \"no\"]"));
    assertTrue(e.getMessage().contains("$[1]"), e.getMessage());
  }

  @Test
  void floatsAreWrittenWithFloatPrecision() {
    // format: float fields are Float; Moshi writes them as the float's own text, not 0.10000000149.
    assertEquals("{\"image\":\"i\",\"weight\":0.1}",
        moshi.adapter(SubjectImage.class).toJson(new SubjectImage().image("i").weight(0.1f)));
  }

  /** A WireEnum whose of() rejects some values. */
  public static final class Refusing implements WireEnum {
    private final String value;

    private Refusing(String value) {
      this.value = value;
    }

    public static Refusing of(String value) {
      if (value.equals("no")) {
        throw new IllegalArgumentException("no");
      }
      return new Refusing(value);
    }

    @Override
    public String value() {
      return value;
    }
  }

  /** A WireEnum that forgot its factory method. */
  static final class NoOf implements WireEnum {
    @Override
    public String value() {
      return "x";
    }
  }
}
