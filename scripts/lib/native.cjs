'use strict';
// The native training kernels (packages/ml/native: an N-API addon over oneDNN). Built by `npm start`,
// `npm test` and `npm run build:native` when missing or older than their sources; the worker falls back to
// the wasm kernels, and says why, when they cannot be built or loaded.
const { existsSync, realpathSync, statSync } = require('node:fs');
const path = require('node:path');
const { createLogger } = require('./log.cjs');
const { run } = require('./process.cjs');
const { ensureDebianPackage, findOnPath, ROOT } = require('./services.cjs');

const NATIVE_DIR = path.join(ROOT, 'packages/ml/native');
const ADDON = path.join(NATIVE_DIR, 'build/Release/dlclass_kernels.node');
const SOURCES = ['binding.gyp', 'src/kernels.c'].map((file) => path.join(NATIVE_DIR, file));
const DNNL_HEADER = '/usr/include/oneapi/dnnl/dnnl.h';
// Debian's nodejs ships Node's headers: node-gyp would otherwise download them (impossible offline)
const DEBIAN_NODE_HEADERS = '/usr/include/node/node_api.h';

function isUpToDate() {
  if (!existsSync(ADDON)) return false;
  const builtAt = statSync(ADDON).mtimeMs;
  return SOURCES.every((source) => statSync(source).mtimeMs <= builtAt);
}

/** npm's own node-gyp (npm ships it to build install scripts), else one on the PATH. */
function nodeGyp() {
  const npmCli = findOnPath('npm');
  if (npmCli) {
    const bundled = path.join(path.dirname(realpathSync(npmCli)), '../node_modules/node-gyp/bin/node-gyp.js');
    if (existsSync(bundled)) return [process.execPath, bundled];
  }
  const onPath = findOnPath('node-gyp');
  if (!onPath) throw new Error('node-gyp not found (it comes with npm)');
  return [onPath];
}

/**
 * Builds the addon when it is missing or stale, installing Debian's build tools and libdnnl-dev as root.
 * Returns null when the addon is ready, else why it is not (the caller says it; training then runs on wasm).
 */
async function ensureNativeKernels(logName = 'start') {
  const log = createLogger(logName);
  if (isUpToDate()) return null;
  try {
    const hint = '(the training worker falls back to its slower WebAssembly kernels without it)';
    await ensureDebianPackage('libdnnl-dev', () => (existsSync(DNNL_HEADER) ? DNNL_HEADER : null), hint);
    for (const tool of ['g++', 'make', 'python3'])
      await ensureDebianPackage(tool, () => findOnPath(tool), hint);
    log.info('building the native training kernels (oneDNN)…');
    const [command, ...args] = nodeGyp();
    const env = { ...process.env };
    if (existsSync(DEBIAN_NODE_HEADERS)) env.npm_config_nodedir = '/usr';
    const code = await run(command, [...args, 'rebuild', '--loglevel=warn'], { cwd: NATIVE_DIR, env });
    if (code !== 0 || !existsSync(ADDON)) throw new Error(`node-gyp exited with ${code}`);
    return null;
  } catch (error) {
    const reason = error?.message ?? String(error);
    log.warn(`native training kernels not built: ${reason}`);
    return reason;
  }
}

module.exports = { ensureNativeKernels, NATIVE_ADDON: ADDON };
