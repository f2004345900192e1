{
  "targets": [
    {
      "target_name": "dlclass_kernels",
      "sources": ["src/kernels.c"],
      "cflags": ["-O3", "-std=c11", "-fno-math-errno", "-ffp-contract=off", "-Wall", "-Wextra"],
      "cflags!": ["-O2"],
      "libraries": ["-ldnnl", "-lgomp", "-lm"]
    }
  ]
}
