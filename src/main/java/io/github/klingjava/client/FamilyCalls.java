package io.github.klingjava.client;

import io.github.klingjava.generated.api.ImageExpansionApi;
import io.github.klingjava.generated.api.ImageGenerationApi;
import io.github.klingjava.generated.api.ImageToVideoApi;
import io.github.klingjava.generated.api.MultiImageApi;
import io.github.klingjava.generated.model.ImageExpansionRequest;
import io.github.klingjava.generated.model.ImageGenerationRequest;
import io.github.klingjava.generated.model.ImageToVideoRequest;
import io.github.klingjava.generated.model.MultiImageRequest;
import io.github.klingjava.generated.model.TaskListResponse;
import io.github.klingjava.generated.model.TaskResponse;
import retrofit2.Call;
import retrofit2.Retrofit;

/** Adapts one generated Retrofit interface to the three calls every family has. */
interface FamilyCalls<R> {
  Call<TaskResponse> submit(R request);

  Call<TaskResponse> get(String id);

  Call<TaskListResponse> list(int pageNum, int pageSize);

  static FamilyCalls<ImageGenerationRequest> imageGeneration(Retrofit retrofit) {
    ImageGenerationApi api = retrofit.create(ImageGenerationApi.class);
    return new FamilyCalls<>() {
      public Call<TaskResponse> submit(ImageGenerationRequest r) {
        return api.createImageGenerationTask(r);
      }

      public Call<TaskResponse> get(String id) {
        return api.getImageGenerationTask(id);
      }

      public Call<TaskListResponse> list(int pageNum, int pageSize) {
        return api.listImageGenerationTasks(pageNum, pageSize);
      }
    };
  }

  static FamilyCalls<MultiImageRequest> multiImage(Retrofit retrofit) {
    MultiImageApi api = retrofit.create(MultiImageApi.class);
    return new FamilyCalls<>() {
      public Call<TaskResponse> submit(MultiImageRequest r) {
        return api.createMultiImageTask(r);
      }

      public Call<TaskResponse> get(String id) {
        return api.getMultiImageTask(id);
      }

      public Call<TaskListResponse> list(int pageNum, int pageSize) {
        return api.listMultiImageTasks(pageNum, pageSize);
      }
    };
  }

  static FamilyCalls<ImageExpansionRequest> imageExpansion(Retrofit retrofit) {
    ImageExpansionApi api = retrofit.create(ImageExpansionApi.class);
    return new FamilyCalls<>() {
      public Call<TaskResponse> submit(ImageExpansionRequest r) {
        return api.createImageExpansionTask(r);
      }

      public Call<TaskResponse> get(String id) {
        return api.getImageExpansionTask(id);
      }

      public Call<TaskListResponse> list(int pageNum, int pageSize) {
        return api.listImageExpansionTasks(pageNum, pageSize);
      }
    };
  }

  static FamilyCalls<ImageToVideoRequest> imageToVideo(Retrofit retrofit) {
    ImageToVideoApi api = retrofit.create(ImageToVideoApi.class);
    return new FamilyCalls<>() {
      public Call<TaskResponse> submit(ImageToVideoRequest r) {
        return api.createImageToVideoTask(r);
      }

      public Call<TaskResponse> get(String id) {
        return api.getImageToVideoTask(id);
      }

      public Call<TaskListResponse> list(int pageNum, int pageSize) {
        return api.listImageToVideoTasks(pageNum, pageSize);
      }
    };
  }
}
