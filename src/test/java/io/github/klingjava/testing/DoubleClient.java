package io.github.klingjava.testing;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.github.klingjava.generated.model.TaskResponse;
import io.github.klingjava.json.KlingMoshi;
import io.github.klingjava.task.TaskPoller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The few HTTP calls the facade will make, enough to drive the waiter end to end against the
 * double: submit, query, and the mapping of error answers to the error package's exceptions.
 */
public final class DoubleClient {

  public static final String IMAGES = "/v1/images/generations";
  public static final String MULTI_IMAGE = "/v1/images/multi-image2image";
  public static final String EXPAND = "/v1/images/editing/expand";
  public static final String VIDEOS = "/v1/videos/image2video";

  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient http;
  private final String baseUrl;
  private final JsonAdapter<TaskResponse> responses =
      KlingMoshi.create().adapter(TaskResponse.class);
  private final JsonAdapter<Map<String, Object>> errors = new Moshi.Builder().build()
      .adapter(com.squareup.moshi.Types.newParameterizedType(
          Map.class, String.class, Object.class));

  public DoubleClient(OkHttpClient http, String baseUrl) {
    this.http = http;
    this.baseUrl = baseUrl;
  }

  public TaskResponse submit(String family, String jsonBody) {
    return call(new Request.Builder().url(baseUrl + family)
        .header("Authorization", "Bearer test-key")
        .post(RequestBody.create(jsonBody, JSON)).build());
  }

  public TaskPoller poller(String family) {
    // Like Retrofit's @Path: the id is one encoded segment, whatever characters it holds.
    return id -> call(new Request.Builder()
        .url(HttpUrl.get(baseUrl + family).newBuilder().addPathSegment(id).build())
        .header("Authorization", "Bearer test-key").get().build());
  }

  private TaskResponse call(Request request) {
    try (Response response = http.newCall(request).execute()) {
      String body = response.body().string();
      if (response.isSuccessful()) {
        return responses.fromJson(body);
      }
      Map<String, Object> error = errors.fromJson(body);
      Object code = error == null ? null : error.get("code");
      String retryAfter = response.header("Retry-After");
      throw ApiErrors.fromHttp(response.code(),
          code instanceof Number ? ((Number) code).intValue() : null,
          error == null ? "" : String.valueOf(error.get("message")),
          error == null ? null : (String) error.get("request_id"),
          retryAfter == null ? null : Duration.ofSeconds(Long.parseLong(retryAfter.trim())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
