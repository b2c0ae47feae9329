package io.github.klingjava.testing;

import com.squareup.moshi.JsonAdapter;
import io.github.klingjava.error.ErrorHandler;
import io.github.klingjava.generated.model.TaskResponse;
import io.github.klingjava.json.KlingMoshi;
import io.github.klingjava.task.TaskPoller;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The two HTTP calls the waiter needs, without the facade's retrying HTTP stack, so these tests
 * see every 429 and 5xx themselves: submit and query, errors mapped by the client's
 * {@link ErrorHandler}.
 */
public final class DoubleClient {

  public static final String IMAGES = "/v1/images/generations";
  public static final String MULTI_IMAGE = "/v1/images/multi-image2image";
  public static final String EXPAND = "/v1/images/editing/expand";
  public static final String VIDEOS = "/v1/videos/image2video";

  private static final MediaType JSON = MediaType.get("application/json");
  private static final ErrorHandler ERRORS = ErrorHandler.create();

  private final OkHttpClient http;
  private final String baseUrl;
  private final JsonAdapter<TaskResponse> responses =
      KlingMoshi.create().adapter(TaskResponse.class);

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
      // As the facade does: the client's own mapping, Retry-After included.
      throw ERRORS.toException(response.code(), response.headers(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
