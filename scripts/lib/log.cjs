'use strict';
// Prefixed, coloured log lines for the orchestration scripts and their child processes.
const COLORS = { api: 36, worker: 35, web: 32, postgres: 34, redis: 31, start: 33, test: 33 };
const useColor = process.stdout.isTTY && !process.env.NO_COLOR;

function prefix(name) {
  const label = `[${name}]`.padEnd(10);
  const code = COLORS[name] ?? 37;
  return useColor ? `\x1b[${code}m${label}\x1b[0m` : label;
}

/** A logger writing `[name] message` lines. */
function createLogger(name) {
  const p = prefix(name);
  return {
    info: (...parts) => console.log(p, ...parts),
    warn: (...parts) => console.warn(p, ...parts),
    error: (...parts) => console.error(p, ...parts),
  };
}

function bold(text) {
  return useColor ? `\x1b[1m${text}\x1b[0m` : text;
}

module.exports = { prefix, createLogger, bold };
