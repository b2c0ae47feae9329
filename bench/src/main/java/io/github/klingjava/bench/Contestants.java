package io.github.klingjava.bench;

import io.github.klingjava.auth.Credentials;
import io.github.klingjava.client.KlingClient;
import io.github.klingjava.generated.model.AspectRatio;
import io.github.klingjava.generated.model.ImageGenerationRequest;
import io.github.klingjava.generated.model.ImageModel;
import io.github.klingjava.generated.model.ImageToVideoRequest;
import io.github.klingjava.image.ImageInputs;
import io.github.klingjava.vendor.VendorProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import stock.gson.ApiClient;
import stock.gson.api.ImageGenerationApi;
import stock.gson.api.ImageToVideoApi;

/** The clients compared, each set up once against the same loopback server. */
final class Contestants implements AutoCloseable {
  static final String KEY = "bench-key-not-a-secret-0001";
  static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");
  /** The POST body every contestant sends (the raw floor sends this text as is). */
  static final String POST_JSON = "{\"model_name\":\"kling-v2-1\",\"prompt\":\"a red fox in fresh snow,"
      + " morning light\",\"negative_prompt\":\"blur\",\"n\":2,\"aspect_ratio\":\"16:9\","
      + "\"external_task_id\":\"order-1045\"}";

  final String url;
  final OkHttpClient raw;
  final KlingClient validating;
  final KlingClient unchecked;
  final ImageGenerationApi stockImages;
  final io.github.klingjava.generated.api.ImageGenerationApi naive;
  final ImageToVideoApi stockVideos;
  final ImageGenerationRequest request = new ImageGenerationRequest()
      .modelName(ImageModel.KLING_V2_1).prompt("a red fox in fresh snow, morning light")
      .negativePrompt("blur").n(2).aspectRatio(AspectRatio.RATIO_16_9).externalTaskId("order-1045");
  final stock.gson.model.ImageGenerationRequest stockRequest = new stock.gson.model.ImageGenerationRequest()
      // model_name is an open set in the spec (x-extensible-enum): a plain String in the stock client
      .modelName("kling-v2-1").prompt("a red fox in fresh snow, morning light")
      .negativePrompt("blur").n(2).aspectRatio(stock.gson.model.AspectRatio.RATIO_16_9).externalTaskId("order-1045");

  Contestants(String url) {
    this.url = url;
    // Every contestant on the same socket settings: TCP_NODELAY, so no Nagle stall decides an upload's time.
    this.raw = new OkHttpClient.Builder().connectionPool(new ConnectionPool(5, 4, java.util.concurrent.TimeUnit.SECONDS))
        .socketFactory(new NoDelaySockets()).build();
    this.validating = client(url, true, raw);
    this.unchecked = client(url, false, raw);
    ApiClient stock = new ApiClient("apiKey");
    stock.configureFromOkclient(raw);
    stock.setBearerToken(KEY);
    stock.getAdapterBuilder().baseUrl(url);
    this.stockImages = stock.createService(ImageGenerationApi.class);
    // What the client stands on, bare: its generated interface on Retrofit + Moshi, no checks, no interceptors.
    this.naive = new retrofit2.Retrofit.Builder().baseUrl(url).client(raw.newBuilder()
            .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                .header("Authorization", "Bearer " + KEY).build())).build())
        .addConverterFactory(retrofit2.converter.moshi.MoshiConverterFactory.create(
            io.github.klingjava.json.KlingMoshi.create()))
        .build().create(io.github.klingjava.generated.api.ImageGenerationApi.class);
    this.stockVideos = stock.createService(ImageToVideoApi.class);
  }

  private static KlingClient client(String url, boolean validate, OkHttpClient base) {
    return KlingClient.builder().vendor(VendorProfile.custom(url)).credentials(Credentials.apiKey(KEY))
        .okHttpClient(base).validateRequests(validate).build();
  }

  /** Plain sockets with TCP_NODELAY set. */
  private static final class NoDelaySockets extends javax.net.SocketFactory {
    private final javax.net.SocketFactory plain = javax.net.SocketFactory.getDefault();

    private static java.net.Socket noDelay(java.net.Socket s) throws IOException {
      s.setTcpNoDelay(true);
      return s;
    }

    @Override
    public java.net.Socket createSocket() throws IOException {
      return noDelay(plain.createSocket());
    }

    @Override
    public java.net.Socket createSocket(String host, int port) throws IOException {
      return noDelay(plain.createSocket(host, port));
    }

    @Override
    public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort)
        throws IOException {
      return noDelay(plain.createSocket(host, port, local, localPort));
    }

    @Override
    public java.net.Socket createSocket(java.net.InetAddress host, int port) throws IOException {
      return noDelay(plain.createSocket(host, port));
    }

    @Override
    public java.net.Socket createSocket(java.net.InetAddress address, int port, java.net.InetAddress local,
        int localPort) throws IOException {
      return noDelay(plain.createSocket(address, port, local, localPort));
    }
  }

  // ----- per call

  String rawPost() throws IOException {
    Request r = new Request.Builder().url(url + "v1/images/generations")
        .header("Authorization", "Bearer " + KEY)
        .post(RequestBody.create(POST_JSON, JSON)).build();
    try (Response response = raw.newCall(r).execute()) {
      return response.body().string();
    }
  }

  String rawGet() throws IOException {
    Request r = new Request.Builder().url(url + "v1/images/generations/" + Loopback.TASK_ID)
        .header("Authorization", "Bearer " + KEY).build();
    try (Response response = raw.newCall(r).execute()) {
      return response.body().string();
    }
  }

  Object stockPost() throws IOException {
    return stockImages.createImageGenerationTask(stockRequest).execute().body();
  }

  Object stockGet() throws IOException {
    return stockImages.getImageGenerationTask(Loopback.TASK_ID).execute().body();
  }

  Object naivePost() throws IOException {
    return naive.createImageGenerationTask(request).execute().body();
  }

  Object naiveGet() throws IOException {
    return naive.getImageGenerationTask(Loopback.TASK_ID).execute().body();
  }

  Object clientPost(boolean validate) {
    return (validate ? validating : unchecked).imageGeneration().submit(request);
  }

  Object clientGet(boolean validate) {
    return (validate ? validating : unchecked).imageGeneration().get(Loopback.TASK_ID);
  }

  // ----- upload of a big image

  Callable<Object> rawStreamingUpload(Path file) {
    return () -> {
      Request r = new Request.Builder().url(url + "v1/videos/image2video")
          .header("Authorization", "Bearer " + KEY)
          .post(new RawBase64Body(file, "{\"image\":\"", "\",\"prompt\":\"go\"}")).build();
      try (Response response = raw.newCall(r).execute()) {
        return response.body().string();
      }
    };
  }

  Callable<Object> streamingUpload(Path file) {
    return () -> validating.imageToVideo().submit(new ImageToVideoRequest().image(ImageInputs.file(file)).prompt("go"));
  }

  Callable<Object> stringUpload(Path file) {
    return () -> validating.imageToVideo().submit(new ImageToVideoRequest().image(ImageInputs.fromFile(file)).prompt("go"));
  }

  Callable<Object> stockUpload(Path file) {
    return () -> stockVideos.createImageToVideoTask(new stock.gson.model.ImageToVideoRequest()
        .image(Base64.getEncoder().encodeToString(Files.readAllBytes(file))).prompt("go")).execute().body();
  }

  @Override
  public void close() {
    validating.close();
    unchecked.close();
    raw.connectionPool().evictAll();
  }
}
