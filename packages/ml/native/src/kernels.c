// Native training kernels for TensorFlow.js's wasm backend: convolutions (forward and both gradients) as
// im2col + oneDNN's sgemm, matrix products, and the max-pooling gradient. They read and write the tensors
// where the wasm backend keeps them (Float32Array views of its heap), so no tensor is copied in or out.
// Layouts are TensorFlow.js's: activations NHWC, filters HWIO ([kh, kw, inC, outC]).
#define NAPI_VERSION 8
#define _POSIX_C_SOURCE 200809L
#include <node_api.h>
#include <omp.h>
#include <oneapi/dnnl/dnnl.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>
#if defined(__SSE__)
#include <xmmintrin.h>
#endif

// A chunk of im2col rows holds at most this many floats (1 MiB, 8 images of the lesson CNN's second
// convolution): big enough for sgemm to run at full speed, small enough to stay in the cache between im2col
// and the product.
#define CHUNK_FLOATS (1u << 18)

enum { ACTIVATION_LINEAR = 0, ACTIVATION_RELU = 1 };

// Denormal floats (below 1.2e-38: vanishing gradients, say) make x86 arithmetic up to 100x slower. As
// TensorFlow does in its kernels, they are flushed to zero while a kernel runs, and the caller's mode is
// restored after it; the difference is below any tolerance a training can see.
#if defined(__SSE__)
typedef unsigned int FloatMode;
static FloatMode flush_denormals(void) {
  const FloatMode mode = _mm_getcsr();
  _mm_setcsr(mode | 0x8040);  // FTZ (flush to zero) and DAZ (denormals are zero)
  return mode;
}
static void restore_float_mode(FloatMode mode) { _mm_setcsr(mode); }
#else
typedef int FloatMode;
static FloatMode flush_denormals(void) { return 0; }
static void restore_float_mode(FloatMode mode) { (void)mode; }
#endif

/**
 * Row-major c = op(a) op(b) + beta c (oneDNN's sgemm is row-major). Signals are held back while it runs:
 * oneDNN's JIT GEMM kernels before 3.11 point the stack pointer into the heap, so a signal handler (V8's
 * profiler, any signal Node handles) would write its frame there and corrupt the heap
 * (uxlfoundation/oneDNN#4845; Debian 12 ships 2.6.3). A held signal is delivered when the product ends.
 */
static void gemm(bool ta, bool tb, size_t m, size_t n, size_t k, const float *a, size_t lda, const float *b,
                 size_t ldb, float beta, float *c, size_t ldc) {
  sigset_t all, previous;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &previous);
  dnnl_sgemm(ta ? 'T' : 'N', tb ? 'T' : 'N', (dnnl_dim_t)m, (dnnl_dim_t)n, (dnnl_dim_t)k, 1.0f, a,
             (dnnl_dim_t)lda, b, (dnnl_dim_t)ldb, beta, c, (dnnl_dim_t)ldc);
  pthread_sigmask(SIG_SETMASK, &previous, NULL);
}

// ---- scratch memory, one buffer per Node environment (the main thread and each worker_thread)

typedef struct {
  float *data;
  size_t capacity;
} Scratch;

static void free_scratch(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  Scratch *scratch = data;
  free(scratch->data);
  free(scratch);
}

static float *scratch_floats(napi_env env, size_t count) {
  Scratch *scratch = NULL;
  if (napi_get_instance_data(env, (void **)&scratch) != napi_ok || scratch == NULL) return NULL;
  if (scratch->capacity < count) {
    float *grown = realloc(scratch->data, count * sizeof(float));
    if (grown == NULL) return NULL;
    scratch->data = grown;
    scratch->capacity = count;
  }
  return scratch->data;
}

// ---- argument checks: a wrong length would read or write outside a tensor, so every call is checked

static bool fail(napi_env env, const char *message) {
  napi_throw_type_error(env, NULL, message);
  return false;
}

static bool floats_arg(napi_env env, napi_value value, size_t expected, float **out, const char *message) {
  bool is_typed = false;
  napi_typedarray_type type;
  size_t length = 0;
  void *data = NULL;
  if (napi_is_typedarray(env, value, &is_typed) != napi_ok || !is_typed) return fail(env, message);
  if (napi_get_typedarray_info(env, value, &type, &length, &data, NULL, NULL) != napi_ok) return fail(env, message);
  if (type != napi_float32_array || length != expected) return fail(env, message);
  *out = data;
  return true;
}

/** An optional Float32Array (null or undefined: none). */
static bool optional_floats_arg(napi_env env, napi_value value, size_t expected, float **out, const char *message) {
  napi_valuetype type;
  if (napi_typeof(env, value, &type) != napi_ok) return fail(env, message);
  if (type == napi_null || type == napi_undefined) {
    *out = NULL;
    return true;
  }
  return floats_arg(env, value, expected, out, message);
}

static bool ints_arg(napi_env env, napi_value value, size_t count, int32_t *out, const char *message) {
  bool is_typed = false;
  napi_typedarray_type type;
  size_t length = 0;
  void *data = NULL;
  if (napi_is_typedarray(env, value, &is_typed) != napi_ok || !is_typed) return fail(env, message);
  if (napi_get_typedarray_info(env, value, &type, &length, &data, NULL, NULL) != napi_ok) return fail(env, message);
  if (type != napi_int32_array || length != count) return fail(env, message);
  memcpy(out, data, count * sizeof(int32_t));
  for (size_t i = 0; i < count; i++)
    if (out[i] < 0) return fail(env, message);
  return true;
}

static bool args(napi_env env, napi_callback_info info, size_t count, napi_value *argv) {
  size_t argc = count;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != count)
    return fail(env, "dlclass_kernels: wrong number of arguments");
  return true;
}

// ---- convolution geometry (what tfjs's computeConv2DInfo gives, flattened into an Int32Array)

typedef struct {
  int n, h, w, c;            // input
  int kh, kw;                // filter
  int sh, sw, dh, dw;        // strides, dilations
  int top, left;             // padding before the first row and column
  int oh, ow, oc;            // output
} Conv;
#define CONV_FIELDS 15

static bool conv_arg(napi_env env, napi_value value, Conv *g) {
  int32_t v[CONV_FIELDS];
  if (!ints_arg(env, value, CONV_FIELDS, v, "dlclass_kernels: bad convolution geometry")) return false;
  *g = (Conv){v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14]};
  if (g->sh < 1 || g->sw < 1 || g->dh < 1 || g->dw < 1 || g->kh < 1 || g->kw < 1)
    return fail(env, "dlclass_kernels: bad convolution geometry");
  return true;
}

static size_t conv_x_size(const Conv *g) { return (size_t)g->n * g->h * g->w * g->c; }
static size_t conv_w_size(const Conv *g) { return (size_t)g->kh * g->kw * g->c * g->oc; }
static size_t conv_y_size(const Conv *g) { return (size_t)g->n * g->oh * g->ow * g->oc; }
static size_t conv_k(const Conv *g) { return (size_t)g->kh * g->kw * g->c; }
static size_t conv_rows(const Conv *g) { return (size_t)g->n * g->oh * g->ow; }

/** Rows of im2col per chunk. */
static size_t conv_chunk(const Conv *g) {
  size_t rows = CHUNK_FLOATS / conv_k(g);
  return rows < 1 ? 1 : rows;
}

/** A 1x1 filter with stride 1 and no padding reads x as it is: no im2col. */
static bool conv_is_pointwise(const Conv *g) {
  return g->kh == 1 && g->kw == 1 && g->sh == 1 && g->sw == 1 && g->top == 0 && g->left == 0 &&
         g->oh == g->h && g->ow == g->w;
}

/**
 * Rows [r0, r1) of the patch matrix: row (b, oy, ox) holds x[b, oy*sh + i*dh - top, ox*sw + j*dw - left, :]
 * for i < kh, j < kw (zeros outside the image), i.e. the filter's [kh*kw*c] layout.
 */
static void im2col(const Conv *g, const float *x, float *cols, size_t r0, size_t r1) {
  const size_t k = conv_k(g), plane = (size_t)g->oh * g->ow, c = g->c;
  const size_t row_floats = (size_t)g->kw * c;
  for (size_t r = r0; r < r1; r++) {
    const size_t b = r / plane, oy = (r % plane) / g->ow, ox = r % g->ow;
    float *dst = cols + (r - r0) * k;
    const int x0 = (int)ox * g->sw - g->left;
    const bool row_inside = g->dw == 1 && x0 >= 0 && x0 + g->kw <= g->w;
    for (int i = 0; i < g->kh; i++, dst += row_floats) {
      const int iy = (int)oy * g->sh + i * g->dh - g->top;
      if (iy < 0 || iy >= g->h) {
        memset(dst, 0, row_floats * sizeof(float));
        continue;
      }
      const float *src = x + ((b * g->h + iy) * g->w) * c;
      if (row_inside) {
        memcpy(dst, src + (size_t)x0 * c, row_floats * sizeof(float));
        continue;
      }
      for (int j = 0; j < g->kw; j++) {
        const int ix = x0 + j * g->dw;
        if (ix < 0 || ix >= g->w) memset(dst + j * c, 0, c * sizeof(float));
        else memcpy(dst + j * c, src + (size_t)ix * c, c * sizeof(float));
      }
    }
  }
}

/** The adjoint of im2col: adds each patch row back to the input pixels it was read from. */
static void col2im_add(const Conv *g, const float *cols, float *dx, size_t r0, size_t r1) {
  const size_t k = conv_k(g), plane = (size_t)g->oh * g->ow, c = g->c;
  for (size_t r = r0; r < r1; r++) {
    const size_t b = r / plane, oy = (r % plane) / g->ow, ox = r % g->ow;
    const float *src = cols + (r - r0) * k;
    const int x0 = (int)ox * g->sw - g->left;
    for (int i = 0; i < g->kh; i++) {
      const int iy = (int)oy * g->sh + i * g->dh - g->top;
      if (iy < 0 || iy >= g->h) continue;
      float *row = dx + ((b * g->h + iy) * g->w) * c;
      for (int j = 0; j < g->kw; j++) {
        const int ix = x0 + j * g->dw;
        if (ix < 0 || ix >= g->w) continue;
        float *dst = row + (size_t)ix * c;
        const float *from = src + ((size_t)i * g->kw + j) * c;
        for (size_t ch = 0; ch < c; ch++) dst[ch] += from[ch];
      }
    }
  }
}

/** y[rows, cols] += bias (per column), then the activation. */
static void bias_activation(float *y, size_t rows, size_t cols, const float *bias, int activation) {
  if (bias == NULL && activation == ACTIVATION_LINEAR) return;
  for (size_t r = 0; r < rows; r++) {
    float *row = y + r * cols;
    if (bias != NULL)
      for (size_t j = 0; j < cols; j++) row[j] += bias[j];
    if (activation == ACTIVATION_RELU)
      for (size_t j = 0; j < cols; j++) row[j] = row[j] > 0.0f ? row[j] : 0.0f;
  }
}

static bool activation_arg(napi_env env, napi_value value, int *activation) {
  int32_t code = -1;
  if (napi_get_value_int32(env, value, &code) != napi_ok ||
      (code != ACTIVATION_LINEAR && code != ACTIVATION_RELU))
    return fail(env, "dlclass_kernels: activation must be 0 (linear) or 1 (relu)");
  *activation = code;
  return true;
}

/** conv2d(geometry, x, filter, y, bias | null, activation): y = activation(conv(x, filter) + bias). */
static napi_value conv2d(napi_env env, napi_callback_info info) {
  napi_value argv[6];
  Conv g;
  float *x, *w, *y, *bias;
  int activation;
  if (!args(env, info, 6, argv) || !conv_arg(env, argv[0], &g) ||
      !floats_arg(env, argv[1], conv_x_size(&g), &x, "conv2d: x does not match the geometry") ||
      !floats_arg(env, argv[2], conv_w_size(&g), &w, "conv2d: filter does not match the geometry") ||
      !floats_arg(env, argv[3], conv_y_size(&g), &y, "conv2d: y does not match the geometry") ||
      !optional_floats_arg(env, argv[4], (size_t)g.oc, &bias, "conv2d: bias does not match the geometry") ||
      !activation_arg(env, argv[5], &activation))
    return NULL;
  const size_t rows = conv_rows(&g), k = conv_k(&g), chunk = conv_chunk(&g);
  const bool pointwise = conv_is_pointwise(&g);
  float *cols = pointwise ? NULL : scratch_floats(env, chunk * k);
  if (!pointwise && cols == NULL) return (fail(env, "conv2d: out of memory"), NULL);
  const FloatMode mode = flush_denormals();
  for (size_t r0 = 0; r0 < rows; r0 += chunk) {
    const size_t r1 = r0 + chunk < rows ? r0 + chunk : rows;
    const float *a = pointwise ? x + r0 * k : cols;
    if (!pointwise) im2col(&g, x, cols, r0, r1);
    gemm(false, false, r1 - r0, g.oc, k, a, k, w, g.oc, 0.0f, y + r0 * g.oc, g.oc);
    bias_activation(y + r0 * g.oc, r1 - r0, (size_t)g.oc, bias, activation);
  }
  restore_float_mode(mode);
  return NULL;
}

/** conv2dBackpropFilter(geometry, x, dy, dw): dw = patches(x)^T dy. */
static napi_value conv2d_backprop_filter(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  Conv g;
  float *x, *dy, *dw;
  if (!args(env, info, 4, argv) || !conv_arg(env, argv[0], &g) ||
      !floats_arg(env, argv[1], conv_x_size(&g), &x, "conv2dBackpropFilter: x does not match the geometry") ||
      !floats_arg(env, argv[2], conv_y_size(&g), &dy, "conv2dBackpropFilter: dy does not match the geometry") ||
      !floats_arg(env, argv[3], conv_w_size(&g), &dw, "conv2dBackpropFilter: dw does not match the geometry"))
    return NULL;
  const size_t rows = conv_rows(&g), k = conv_k(&g), chunk = conv_chunk(&g);
  const bool pointwise = conv_is_pointwise(&g);
  float *cols = pointwise ? NULL : scratch_floats(env, chunk * k);
  if (!pointwise && cols == NULL) return (fail(env, "conv2dBackpropFilter: out of memory"), NULL);
  if (rows == 0) memset(dw, 0, conv_w_size(&g) * sizeof(float));
  const FloatMode mode = flush_denormals();
  for (size_t r0 = 0; r0 < rows; r0 += chunk) {
    const size_t r1 = r0 + chunk < rows ? r0 + chunk : rows;
    const float *a = pointwise ? x + r0 * k : cols;
    if (!pointwise) im2col(&g, x, cols, r0, r1);
    gemm(true, false, k, g.oc, r1 - r0, a, k, dy + r0 * g.oc, g.oc, r0 == 0 ? 0.0f : 1.0f, dw, g.oc);
  }
  restore_float_mode(mode);
  return NULL;
}

/** conv2dBackpropInput(geometry, dy, filter, dx): dx = col2im(dy filter^T). */
static napi_value conv2d_backprop_input(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  Conv g;
  float *dy, *w, *dx;
  if (!args(env, info, 4, argv) || !conv_arg(env, argv[0], &g) ||
      !floats_arg(env, argv[1], conv_y_size(&g), &dy, "conv2dBackpropInput: dy does not match the geometry") ||
      !floats_arg(env, argv[2], conv_w_size(&g), &w, "conv2dBackpropInput: filter does not match the geometry") ||
      !floats_arg(env, argv[3], conv_x_size(&g), &dx, "conv2dBackpropInput: dx does not match the geometry"))
    return NULL;
  const size_t rows = conv_rows(&g), k = conv_k(&g), chunk = conv_chunk(&g);
  const bool pointwise = conv_is_pointwise(&g);
  float *cols = pointwise ? NULL : scratch_floats(env, chunk * k);
  if (!pointwise && cols == NULL) return (fail(env, "conv2dBackpropInput: out of memory"), NULL);
  const FloatMode mode = flush_denormals();
  if (pointwise)
    gemm(false, true, rows, k, g.oc, dy, g.oc, w, g.oc, 0.0f, dx, k);
  else {
    memset(dx, 0, conv_x_size(&g) * sizeof(float));
    for (size_t r0 = 0; r0 < rows; r0 += chunk) {
      const size_t r1 = r0 + chunk < rows ? r0 + chunk : rows;
      gemm(false, true, r1 - r0, k, g.oc, dy + r0 * g.oc, g.oc, w, g.oc, 0.0f, cols, k);
      col2im_add(&g, cols, dx, r0, r1);
    }
  }
  restore_float_mode(mode);
  return NULL;
}

/**
 * matMul(dims, a, b, c, bias | null, activation) with dims = [batchA, batchB, m, n, k, transposeA, transposeB]:
 * c[i] = activation(op(a[i or 0]) op(b[i or 0]) + bias) for i < max(batchA, batchB); a batch of 1 broadcasts.
 */
static napi_value mat_mul(napi_env env, napi_callback_info info) {
  napi_value argv[6];
  int32_t d[7];
  float *a, *b, *c, *bias;
  int activation;
  if (!args(env, info, 6, argv) || !ints_arg(env, argv[0], 7, d, "matMul: bad dimensions")) return NULL;
  const size_t batch_a = d[0], batch_b = d[1], m = d[2], n = d[3], k = d[4];
  const bool ta = d[5] != 0, tb = d[6] != 0;
  const size_t batch = batch_a > batch_b ? batch_a : batch_b;
  if ((batch_a != batch && batch_a != 1) || (batch_b != batch && batch_b != 1))
    return (fail(env, "matMul: batch sizes must be equal or 1"), NULL);
  if (!floats_arg(env, argv[1], batch_a * m * k, &a, "matMul: a does not match the dimensions") ||
      !floats_arg(env, argv[2], batch_b * k * n, &b, "matMul: b does not match the dimensions") ||
      !floats_arg(env, argv[3], batch * m * n, &c, "matMul: c does not match the dimensions") ||
      !optional_floats_arg(env, argv[4], n, &bias, "matMul: bias does not match the dimensions") ||
      !activation_arg(env, argv[5], &activation))
    return NULL;
  const FloatMode mode = flush_denormals();
  for (size_t i = 0; i < batch; i++) {
    const float *ai = a + (batch_a == 1 ? 0 : i) * m * k;
    const float *bi = b + (batch_b == 1 ? 0 : i) * k * n;
    float *ci = c + i * m * n;
    if (k == 0) memset(ci, 0, m * n * sizeof(float));
    else
      gemm(ta, tb, m, n, k, ai, ta ? m : k, bi, tb ? k : n, 0.0f, ci, n);
    bias_activation(ci, m, n, bias, activation);
  }
  restore_float_mode(mode);
  return NULL;
}

/** maxPoolGrad of the usual 2x2 pooling with stride 2, every window inside the image: windows do not overlap. */
static void max_pool_2x2_grad(const float *x, const float *dy, float *dx, int n, int h, int w, int c, int oh,
                              int ow) {
  const size_t x_size = (size_t)n * h * w * c, down = (size_t)w * c;
  // pixels in no window (the last row or column of an odd size) get no gradient
  if (2 * oh != h || 2 * ow != w) memset(dx, 0, x_size * sizeof(float));
  const float *g = dy;
  for (int b = 0; b < n; b++)
    for (int oy = 0; oy < oh; oy++)
      for (int ox = 0; ox < ow; ox++, g += c) {
        const size_t p00 = (((size_t)b * h + 2 * oy) * w + 2 * ox) * c;
        const float *x00 = x + p00, *x01 = x00 + c, *x10 = x00 + down, *x11 = x10 + c;
        float *d00 = dx + p00, *d01 = d00 + c, *d10 = d00 + down, *d11 = d10 + c;
        for (int ch = 0; ch < c; ch++) {
          // the first maximum in row-major order wins ties, as in the general loop
          const float a = x00[ch], b2 = x01[ch], c2 = x10[ch], d = x11[ch];
          const float top_max = b2 > a ? b2 : a;
          const bool pick01 = b2 > a, pick10 = c2 > top_max;
          const float bottom_best = pick10 ? c2 : top_max;
          const bool pick11 = d > bottom_best;
          const float v = g[ch];
          d11[ch] = pick11 ? v : 0.0f;
          d10[ch] = !pick11 && pick10 ? v : 0.0f;
          d01[ch] = !pick11 && !pick10 && pick01 ? v : 0.0f;
          d00[ch] = !pick11 && !pick10 && !pick01 ? v : 0.0f;
        }
      }
}

/**
 * maxPoolGrad(dims, x, dy, dx) with dims = [n, h, w, c, fh, fw, sh, sw, top, left, oh, ow]: each dy value is
 * added at its window's first maximum of x (row-major order, as tfjs's cpu backend).
 */
static napi_value max_pool_grad(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  int32_t d[12];
  float *x, *dy, *dx;
  if (!args(env, info, 4, argv) || !ints_arg(env, argv[0], 12, d, "maxPoolGrad: bad geometry")) return NULL;
  const int n = d[0], h = d[1], w = d[2], c = d[3], fh = d[4], fw = d[5], sh = d[6], sw = d[7];
  const int top = d[8], left = d[9], oh = d[10], ow = d[11];
  const size_t x_size = (size_t)n * h * w * c, y_size = (size_t)n * oh * ow * c;
  if (!floats_arg(env, argv[1], x_size, &x, "maxPoolGrad: x does not match the geometry") ||
      !floats_arg(env, argv[2], y_size, &dy, "maxPoolGrad: dy does not match the geometry") ||
      !floats_arg(env, argv[3], x_size, &dx, "maxPoolGrad: dx does not match the geometry"))
    return NULL;
  if (fh == 2 && fw == 2 && sh == 2 && sw == 2 && top == 0 && left == 0 && 2 * oh <= h && 2 * ow <= w) {
    max_pool_2x2_grad(x, dy, dx, n, h, w, c, oh, ow);
    return NULL;
  }
  // running maxima and their positions for the c channels of a window, channels innermost as in memory
  float *max = scratch_floats(env, (size_t)c);
  if (max == NULL) return (fail(env, "maxPoolGrad: out of memory"), NULL);
  size_t *best = malloc((size_t)c * sizeof(size_t));
  if (best == NULL) return (fail(env, "maxPoolGrad: out of memory"), NULL);
  memset(dx, 0, x_size * sizeof(float));
  for (int b = 0; b < n; b++)
    for (int oy = 0; oy < oh; oy++) {
      const int y0 = oy * sh - top < 0 ? 0 : oy * sh - top;
      const int y1 = oy * sh - top + fh > h ? h : oy * sh - top + fh;
      for (int ox = 0; ox < ow; ox++) {
        const int x0 = ox * sw - left < 0 ? 0 : ox * sw - left;
        const int x1 = ox * sw - left + fw > w ? w : ox * sw - left + fw;
        if (y0 >= y1 || x0 >= x1) continue;
        const size_t first = (((size_t)b * h + y0) * w + x0) * c;
        for (int ch = 0; ch < c; ch++) {
          max[ch] = x[first + ch];
          best[ch] = first + ch;
        }
        for (int i = y0; i < y1; i++)
          for (int j = x0; j < x1; j++) {
            const size_t at = (((size_t)b * h + i) * w + j) * c;
            for (int ch = 0; ch < c; ch++)
              if (x[at + ch] > max[ch]) {
                max[ch] = x[at + ch];
                best[ch] = at + ch;
              }
          }
        const float *g = dy + (((size_t)b * oh + oy) * ow + ox) * c;
        for (int ch = 0; ch < c; ch++) dx[best[ch]] += g[ch];
      }
    }
  free(best);
  return NULL;
}

/** sumLeadingAxes(rows, x, out): out[j] = sum over i of x[i, j] (x seen as [rows, out.length]). */
static napi_value sum_leading_axes(napi_env env, napi_callback_info info) {
  napi_value argv[3];
  int32_t rows = 0;
  float *x, *out;
  bool is_typed = false;
  size_t columns = 0;
  if (!args(env, info, 3, argv)) return NULL;
  if (napi_get_value_int32(env, argv[0], &rows) != napi_ok || rows < 0)
    return (fail(env, "sumLeadingAxes: rows must be a non-negative integer"), NULL);
  if (napi_is_typedarray(env, argv[2], &is_typed) != napi_ok || !is_typed ||
      napi_get_typedarray_info(env, argv[2], NULL, &columns, NULL, NULL, NULL) != napi_ok)
    return (fail(env, "sumLeadingAxes: out must be a Float32Array"), NULL);
  if (!floats_arg(env, argv[1], (size_t)rows * columns, &x, "sumLeadingAxes: x does not match rows x columns") ||
      !floats_arg(env, argv[2], columns, &out, "sumLeadingAxes: out must be a Float32Array"))
    return NULL;
  memset(out, 0, columns * sizeof(float));
  for (size_t i = 0; i < (size_t)rows; i++) {
    const float *row = x + i * columns;
    for (size_t j = 0; j < columns; j++) out[j] += row[j];
  }
  return NULL;
}

/**
 * adamUpdate(hyper, value, m, v, gradient, newValue, newM, newV) with hyper = [beta1, beta2, 1 - beta1,
 * 1 - beta2, epsilon, -learningRate, 1 - beta1^t, 1 - beta2^t] (float32): one Adam step, the operations of
 * tfjs's AdamOptimizer in its order and precision (float32, no fused multiply-add), in one pass instead of
 * thirteen kernels per variable.
 */
static napi_value adam_update(napi_env env, napi_callback_info info) {
  napi_value argv[8];
  float *hyper, *value, *m, *v, *g, *new_value, *new_m, *new_v;
  size_t n = 0;
  bool is_typed = false;
  if (!args(env, info, 8, argv) ||
      !floats_arg(env, argv[0], 8, &hyper, "adamUpdate: hyper must hold 8 float32 values"))
    return NULL;
  if (napi_is_typedarray(env, argv[1], &is_typed) != napi_ok || !is_typed ||
      napi_get_typedarray_info(env, argv[1], NULL, &n, NULL, NULL, NULL) != napi_ok)
    return (fail(env, "adamUpdate: value must be a Float32Array"), NULL);
  if (!floats_arg(env, argv[1], n, &value, "adamUpdate: value must be a Float32Array") ||
      !floats_arg(env, argv[2], n, &m, "adamUpdate: m does not match value") ||
      !floats_arg(env, argv[3], n, &v, "adamUpdate: v does not match value") ||
      !floats_arg(env, argv[4], n, &g, "adamUpdate: gradient does not match value") ||
      !floats_arg(env, argv[5], n, &new_value, "adamUpdate: newValue does not match value") ||
      !floats_arg(env, argv[6], n, &new_m, "adamUpdate: newM does not match value") ||
      !floats_arg(env, argv[7], n, &new_v, "adamUpdate: newV does not match value"))
    return NULL;
  const float beta1 = hyper[0], beta2 = hyper[1], one_minus_beta1 = hyper[2], one_minus_beta2 = hyper[3];
  const float epsilon = hyper[4], minus_rate = hyper[5], correction1 = hyper[6], correction2 = hyper[7];
  const FloatMode mode = flush_denormals();
  for (size_t i = 0; i < n; i++) {
    const float first = m[i] * beta1 + g[i] * one_minus_beta1;
    const float second = v[i] * beta2 + (g[i] * g[i]) * one_minus_beta2;
    const float step = (first / correction1) / (sqrtf(second / correction2) + epsilon);
    new_m[i] = first;
    new_v[i] = second;
    new_value[i] = step * minus_rate + value[i];
  }
  restore_float_mode(mode);
  return NULL;
}

static const char *isa_name(dnnl_cpu_isa_t isa) {
  switch (isa) {
    case dnnl_cpu_isa_sse41: return "SSE4.1";
    case dnnl_cpu_isa_avx: return "AVX";
    case dnnl_cpu_isa_avx2: return "AVX2";
    case dnnl_cpu_isa_avx2_vnni: return "AVX2 VNNI";
    case dnnl_cpu_isa_avx512_core: return "AVX-512";
    case dnnl_cpu_isa_avx512_core_vnni: return "AVX-512 VNNI";
    case dnnl_cpu_isa_avx512_core_bf16: return "AVX-512 BF16";
    case dnnl_cpu_isa_avx512_core_amx: return "AVX-512 AMX";
    default: return "generic";
  }
}

/** info(): the library and the instruction set its kernels use, for the worker's log and the admin page. */
static napi_value library_info(napi_env env, napi_callback_info info) {
  (void)info;
  const dnnl_version_t *version = dnnl_version();
  char library[64];
  snprintf(library, sizeof library, "oneDNN %d.%d.%d", version->major, version->minor, version->patch);
  napi_value result, name, isa;
  napi_create_object(env, &result);
  napi_create_string_utf8(env, library, NAPI_AUTO_LENGTH, &name);
  napi_create_string_utf8(env, isa_name(dnnl_get_effective_cpu_isa()), NAPI_AUTO_LENGTH, &isa);
  napi_set_named_property(env, result, "library", name);
  napi_set_named_property(env, result, "isa", isa);
  return result;
}

NAPI_MODULE_INIT() {
  // One thread per training: the worker runs one training per core. oneDNN's OpenMP takes the thread count
  // of the thread that calls it, and each worker_thread loads the addon on its own thread.
  omp_set_num_threads(1);
  Scratch *scratch = calloc(1, sizeof(Scratch));
  if (scratch == NULL || napi_set_instance_data(env, scratch, free_scratch, NULL) != napi_ok) {
    free(scratch);
    napi_throw_error(env, NULL, "dlclass_kernels: out of memory");
    return NULL;
  }
  const napi_property_descriptor functions[] = {
      {"conv2d", NULL, conv2d, NULL, NULL, NULL, napi_default, NULL},
      {"conv2dBackpropFilter", NULL, conv2d_backprop_filter, NULL, NULL, NULL, napi_default, NULL},
      {"conv2dBackpropInput", NULL, conv2d_backprop_input, NULL, NULL, NULL, napi_default, NULL},
      {"matMul", NULL, mat_mul, NULL, NULL, NULL, napi_default, NULL},
      {"maxPoolGrad", NULL, max_pool_grad, NULL, NULL, NULL, napi_default, NULL},
      {"sumLeadingAxes", NULL, sum_leading_axes, NULL, NULL, NULL, napi_default, NULL},
      {"adamUpdate", NULL, adam_update, NULL, NULL, NULL, napi_default, NULL},
      {"info", NULL, library_info, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_define_properties(env, exports, sizeof(functions) / sizeof(functions[0]), functions);
  return exports;
}
